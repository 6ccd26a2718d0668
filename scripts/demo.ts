// `npm run demo`: the TSB simulator and CertDesk on loopback, wired together with the demo credential.
// Pass --dev to run `next dev` instead of a production build.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { demoAuditKey } from './demo-audit-key';

const simulatorPort = process.env.TSB_SIMULATOR_PORT ?? '8790';
const appPort = process.env.PORT ?? '3000';
const host = '127.0.0.1';
const dev = process.argv.includes('--dev');
const next = 'node_modules/next/dist/bin/next';

const appUrl = `http://${host}:${appPort}`;
const appEnv = {
  ...process.env,
  // Seeds one account per role and shows their credentials on the sign-in page.
  CERTDESK_DEMO: '1',
  BETTER_AUTH_URL: appUrl,
  TSB_URL: `http://${host}:${simulatorPort}`,
  TSB_API_KEY: 'certdesk-demo-key',
  TSB_SIMULATOR_APP_URL: `http://${host}:${simulatorPort}/approver`,
  // The demo's log is keyed; the key is made beside its database on the first start.
  AUDIT_HMAC_KEY: demoAuditKey(process.env, (file) =>
    console.log(`  Audit key             ${file}   (made for this database; keep it with it)`),
  ),
};

const children: ChildProcess[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { env, stdio: 'inherit' });
  children.push(child);
  return child;
}

function stop(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url: string, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(`${what} did not start at ${url}`);
  stop(1);
}

const simulator = run(process.execPath, ['--import', 'tsx', 'mocks/tsb/server.ts'], {
  ...process.env,
  TSB_SIMULATOR_PORT: simulatorPort,
});
simulator.on('exit', (code) => stop(code ?? 1));
await waitFor(`http://${host}:${simulatorPort}/approver`, 'The TSB simulator');

if (!dev) {
  const build = run(process.execPath, [next, 'build'], appEnv);
  const [code] = (await once(build, 'exit')) as [number | null];
  if (code !== 0) stop(code ?? 1);
}
const app = run(process.execPath, [next, dev ? 'dev' : 'start', '-H', host, '-p', appPort], appEnv);
app.on('exit', (code) => stop(code ?? 1));
await waitFor(`http://${host}:${appPort}/`, 'CertDesk');

console.log(`
  CertDesk              ${appUrl}   (demo accounts and password on the sign-in page)
  Authorization App     http://${host}:${simulatorPort}/approver   (approve as the demo approvers)
  Simulated TSB         http://${host}:${simulatorPort}/v1          (X-API-KEY: certdesk-demo-key)

  Press Ctrl+C to stop.
`);
