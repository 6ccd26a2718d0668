// Starts the simulator and a production build of CertDesk on loopback for benchmarks, with a fresh database
// and a sign-in secret of its own, and signs bench accounts in as users do: every API route needs a
// signed-in actor, by session cookie (a browser) or personal API token (a script). Run with
// `--conditions react-server` (as `npm run bench` does): accounts are made through lib/auth.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@/lib/auth/types';

export type Ports = { app: number; simulator: number };
export type Stack = { appUrl: string; simulatorUrl: string; stop: () => void };
export type Account = { email: string; role: Role; password: string; token: string };

const next = 'node_modules/next/dist/bin/next';

export const appUrlFor = (ports: Ports) => `http://127.0.0.1:${ports.app}`;

/**
 * The server's settings for a bench on `ports`: a fresh SQLite file, a random BETTER_AUTH_SECRET and the
 * URL browsers use. They are set in this process too, so that the bench can seed the database and make
 * accounts (`createAccounts`, as `npm run admin` does on a deployment) before `startStack`.
 */
export function benchEnv(name: string, ports: Ports): Record<string, string> {
  const env = {
    DATABASE_URL: join(mkdtempSync(join(tmpdir(), `certdesk-${name}-`)), 'certdesk.db'),
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
    BETTER_AUTH_URL: appUrlFor(ports),
  };
  Object.assign(process.env, env);
  return env;
}

/** Makes each account with a password and a personal API token, in the database of `benchEnv`. */
export async function createAccounts(accounts: { email: string; role: Role }[]): Promise<Account[]> {
  const { createUser, generatePassword, issueTokenForEmail } = await import('@/lib/auth/users');
  const { closeDb } = await import('@/lib/db');
  const made: Account[] = [];
  for (const { email, role } of accounts) {
    // A password of the user's own, as after the first sign-in: a generated one opens only /change-password.
    const { password } = await createUser(null, {
      email,
      name: email.split('@')[0]!,
      role,
      password: generatePassword(),
    });
    const { token } = await issueTokenForEmail(email, 'bench');
    made.push({ email, role, password, token });
  }
  await closeDb();
  return made;
}

/** A session cookie from the sign-in endpoint, as a browser gets one, ready to send. */
export async function sessionCookie(appUrl: string, account: Account): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .join('; ');
}

/** Headers that carry `account`'s session cookie or personal API token. */
export async function signedIn(
  appUrl: string,
  account: Account,
  via: 'session' | 'token',
): Promise<Record<string, string>> {
  if (via === 'token') return { authorization: `Bearer ${account.token}` };
  return { cookie: await sessionCookie(appUrl, account) };
}

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

/**
 * Builds once if there is no build, then starts both servers with `env` (from `benchEnv`, plus the
 * bench's own settings). `stop()` ends them; so do this process's exit, Ctrl+C and SIGTERM.
 */
export async function startStack(ports: Ports, env: Record<string, string>): Promise<Stack> {
  if (!env.BETTER_AUTH_SECRET || !env.DATABASE_URL)
    throw new Error('startStack: pass the settings of benchEnv');
  if (!existsSync('.next/BUILD_ID')) {
    const built = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('next build failed');
  }
  const simulatorUrl = `http://127.0.0.1:${ports.simulator}`;
  const appUrl = appUrlFor(ports);
  const children: ChildProcess[] = [];
  const stop = () => children.forEach((child) => child.kill('SIGKILL'));
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  children.push(
    spawn(process.execPath, ['--import', 'tsx', 'mocks/tsb/server.ts'], {
      env: { ...process.env, TSB_SIMULATOR_PORT: String(ports.simulator) },
      stdio: 'ignore',
    }),
  );
  await waitFor(`${simulatorUrl}/approver`);
  children.push(
    spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(ports.app)], {
      env: { ...process.env, TSB_URL: simulatorUrl, TSB_API_KEY: 'certdesk-demo-key', ...env },
      // The server's own errors are worth seeing when a bench fails.
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await waitFor(appUrl);
  return { appUrl, simulatorUrl, stop };
}

/** POST /api/requests as a script does (one Idempotency-Key per submission); answers the response as is. */
export function submit(
  appUrl: string,
  headers: Record<string, string>,
  fields: { csrPem: string; signKeyName: string; commonName: string; reason: string },
): Promise<Response> {
  return fetch(`${appUrl}/api/requests`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      signatureAlgorithm: 'SHA256_WITH_RSA',
      certificateAuthority: false,
      keyUsage: ['DIGITAL_SIGNATURE'],
      extendedKeyUsage: ['SERVER_AUTH'],
      ...fields,
    }),
  });
}

/**
 * For benches that run CertDesk's modules in this process: the simulator behind MSW and the settings that
 * point lib/tsb at it, with an in-memory database (never a developer's own DATABASE_URL). Call it before
 * importing those modules: they read their settings once.
 */
export async function tsbInProcess(options: { apiKey?: string; timeoutMs?: number } = {}) {
  const { setupServer } = await import('msw/node');
  const { createSimulator, createTsbHandlers, DEMO_API_KEY } = await import('@/mocks/tsb');
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  Object.assign(process.env, {
    TSB_URL: 'http://tsb.test',
    TSB_API_KEY: apiKey,
    TSB_TIMEOUT_MS: String(options.timeoutMs ?? 10_000),
    DATABASE_URL: ':memory:',
  });
  const sim = await createSimulator({ apiKey });
  const server = setupServer(...createTsbHandlers(sim));
  server.listen({ onUnhandledRequest: 'error' });
  return { sim, server };
}
