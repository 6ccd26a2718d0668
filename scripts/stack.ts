// Starts the simulator and a production build of CertDesk on loopback for benchmarks, with a fresh database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Stack = { appUrl: string; simulatorUrl: string; stop: () => void };

const next = 'node_modules/next/dist/bin/next';

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Builds once if there is no build, then starts both servers; `stop()` ends them. */
export async function startStack(ports: { app: number; simulator: number }, env: Record<string, string> = {}): Promise<Stack> {
  if (!existsSync('.next/BUILD_ID')) {
    const built = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('next build failed');
  }
  const simulatorUrl = `http://127.0.0.1:${ports.simulator}`;
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const children: ChildProcess[] = [];
  const stop = () => children.forEach((child) => child.kill('SIGKILL'));
  process.on('exit', stop);
  children.push(
    spawn(process.execPath, ['--import', 'tsx', 'mocks/tsb/server.ts'], {
      env: { ...process.env, TSB_SIMULATOR_PORT: String(ports.simulator) },
      stdio: 'ignore',
    }),
  );
  await waitFor(`${simulatorUrl}/approver`);
  const database = join(mkdtempSync(join(tmpdir(), 'certdesk-bench-')), 'certdesk.db');
  children.push(
    spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(ports.app)], {
      env: { ...process.env, TSB_URL: simulatorUrl, TSB_API_KEY: 'certdesk-demo-key', DATABASE_URL: database, ...env },
      // The server's own errors are worth seeing when a bench fails.
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await waitFor(appUrl);
  return { appUrl, simulatorUrl, stop };
}
