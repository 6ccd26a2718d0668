import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

// Secret hygiene (SECURITY.md requirement 4, row 9): build with canary credentials and find them nowhere
// in what the build produces: client assets and source maps (.next/static), prerendered HTML and RSC
// payloads, and server output (a value there was inlined at build time, so it ships with every copy).
//   npm run test:canary        build into .next with canaries, then scan it
// npm run test:e2e does the same for the build its browsers then use.

/** Every secret CertDesk reads from its environment, each set to a value that cannot occur by chance. */
export function canaryEnv(): Record<string, string> {
  const run = randomUUID().replaceAll('-', '');
  const names = ['TSB_API_KEY', 'TSB_BEARER_TOKEN', 'BETTER_AUTH_SECRET', 'OIDC_CLIENT_SECRET'];
  const canary = (name: string) => `canary-${name.toLowerCase().replaceAll('_', '-')}-${run}`;
  return {
    ...Object.fromEntries(names.map((name) => [name, canary(name)])),
    // The server refuses a key that is not base64 of 32 bytes or more: the canary is one.
    AUDIT_HMAC_KEY: Buffer.from(canary('AUDIT_HMAC_KEY')).toString('base64'),
  };
}

// Build caches and timing traces stay on the build machine and are never served.
const notShipped = new Set(['cache', 'dev', 'trace', 'trace-build']);

function* filesUnder(dir: string, top = true): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !(top && notShipped.has(entry.name))) yield* filesUnder(path, false);
    else if (entry.isFile() && !(top && notShipped.has(entry.name))) yield path;
  }
}

export type CanaryHit = { file: string; variable: string };

/** Files under `buildDir` (cache and traces aside) that contain any canary value. */
export function findCanaries(buildDir: string, canaries: Record<string, string>): CanaryHit[] {
  const hits: CanaryHit[] = [];
  for (const file of filesUnder(buildDir)) {
    const text = readFileSync(file).toString('latin1');
    for (const [variable, value] of Object.entries(canaries)) {
      if (text.includes(value)) hits.push({ file: relative(process.cwd(), file), variable });
    }
  }
  return hits;
}

/** Builds into .next with canary secrets and scans the result; returns a process exit code. */
export function buildWithCanaries(): number {
  const canaries = canaryEnv();
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ...canaries },
  });
  if (build.status !== 0) return build.status ?? 1;
  const hits = findCanaries(join(process.cwd(), '.next'), canaries);
  for (const hit of hits) console.error(`canary: ${hit.variable} found in ${hit.file}`);
  if (hits.length > 0) return 1;
  console.log(`canary: none of ${Object.keys(canaries).join(', ')} is in the build`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(buildWithCanaries());
