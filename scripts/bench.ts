// `npm run bench`: every benchmark, one process each, after one fresh production build. Figures only:
// nothing here passes or fails; compare runs on the same machine. `npm run bench -- list browser` runs some.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches: Record<string, string> = {
  service: 'scripts/bench-service.ts',
  pki: 'scripts/bench-pki.ts',
  tracker: 'scripts/bench-tracker.ts',
  list: 'scripts/bench-list.ts',
  browser: 'scripts/bench-browser.ts',
  bundle: 'scripts/bench-bundle.ts',
  faults: 'scripts/bench-faults.ts',
  load: 'scripts/bench-load.ts',
  loop: 'scripts/bench-loop.ts',
};
const needsBuild = new Set(['list', 'browser', 'bundle', 'load']);

const chosen = process.argv.slice(2).filter((name) => name in benches);
const names = chosen.length > 0 ? chosen : Object.keys(benches);

const node = (args: string[]) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;

if (names.some((name) => needsBuild.has(name))) {
  console.log('bench: building the app once');
  if (node(['node_modules/next/dist/bin/next', 'build']) !== 0) process.exit(1);
}
let failed = 0;
for (const name of names) {
  const file = benches[name]!;
  if (!existsSync(file)) continue;
  console.log(`\n── ${name} ──`);
  if (node(['--conditions', 'react-server', '--import', 'tsx', file]) !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
