import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

// npm run test:e2e: find (or, as root, install) Chromium, build the app, run Playwright, pass on its exit code.

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

function findChromium(): string | undefined {
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) console.error(`e2e: cannot run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

let chromium = findChromium();
if (!chromium && process.getuid?.() === 0) {
  console.log('e2e: Chromium not found; installing Debian chromium');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], { env }) === 0) run('apt-get', ['install', '-y', 'chromium'], { env });
  chromium = findChromium();
}
if (!chromium) {
  console.error(
    'e2e: no Chromium found. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to its executable.',
  );
  process.exit(1);
}

const built = run(process.execPath, ['node_modules/next/dist/bin/next', 'build']);
if (built !== 0) process.exit(built);

const status = run(
  process.execPath,
  ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)],
  {
    env: { ...process.env, CHROMIUM_PATH: chromium },
  },
);
process.exit(status);
