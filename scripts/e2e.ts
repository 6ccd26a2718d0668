import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appServerSecrets } from '../e2e/fixtures/server-secrets';
import { buildWithCanaries } from './canary';

// npm run test:e2e: find (or, as root, install) Chromium, build the app with canary secrets and check the
// build holds none of them, run Playwright, check the app server's log holds none of its secrets, and
// pass on the exit code.

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

const built = buildWithCanaries();
if (built !== 0) process.exit(built);

/** Runs Playwright with its output passed through and kept, to look for secrets in the servers' logs. */
function playwright(args: string[]): Promise<{ status: number; output: string }> {
  const child = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...args], {
    env: { ...process.env, CHROMIUM_PATH: chromium },
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    output += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ status: code ?? 1, output })));
}

const { status, output } = await playwright(process.argv.slice(2));
// Playwright prefixes what the web servers print with [WebServer].
const serverLog = output.split('\n').filter((line) => line.includes('[WebServer]'));
const leaked = Object.entries(appServerSecrets()).filter(([, value]) =>
  serverLog.some((line) => line.includes(value)),
);
for (const [name] of leaked) console.error(`e2e: the value of ${name} appears in a server log line`);
process.exit(leaked.length > 0 && status === 0 ? 1 : status);
