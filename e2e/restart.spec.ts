import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { simulatorUrl } from '../playwright.config';
import { demoEmail, demoPassword, type Role } from './fixtures/auth';
import { makeCsr } from './fixtures/csr';

// Kill -9 of the server while the TSB is still working on a submission: after a restart on the same
// database the request is still there, reconciliation links it to the one request the TSB made, and the
// TSB received exactly one signing call for it. Runs its own server so that killing it disturbs no other spec.

const port = 3201;
const appUrl = `http://127.0.0.1:${port}`;
const signPath = '/v1/certificate/sign';

type Listed = { id: string; status: string; tsbRequestId: string | null; history: { status: string }[] };

function startServer(databaseUrl: string): ChildProcess {
  // Its own process group, so that the kill reaches anything it started.
  return spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        TSB_URL: simulatorUrl,
        TSB_API_KEY: 'certdesk-demo-key',
        PORT: String(port),
        CERTDESK_DEMO: '1',
        BETTER_AUTH_URL: appUrl,
      },
      detached: true,
      stdio: 'ignore',
    },
  );
}

async function killHard(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  process.kill(-server.pid!, 'SIGKILL');
  await exited;
}

/** An API client signed in as a demo user of `role` on this spec's server (the session outlives restarts). */
async function signedIn(
  playwright: PlaywrightWorkerArgs['playwright'],
  role: Role,
): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ extraHTTPHeaders: { Origin: appUrl } });
  const reply = await context.post(`${appUrl}/api/auth/sign-in/email`, {
    data: { email: demoEmail(role), password: demoPassword },
  });
  expect(reply.ok(), await reply.text()).toBe(true);
  return context;
}

const answers = (request: APIRequestContext, path: string) =>
  request.get(`${appUrl}${path}`).then(
    (r) => r.status(),
    () => 0,
  );

async function signCalls(request: APIRequestContext): Promise<number> {
  const stats = (await (await request.get(`${simulatorUrl}/_sim/stats`)).json()) as Record<string, number>;
  return stats[`POST ${signPath}`] ?? 0;
}

/** Every request the TSB holds, asked of the simulator directly. */
async function tsbRequestIds(request: APIRequestContext): Promise<string[]> {
  const reply = await request.post(`${simulatorUrl}/v1/filteredRequests`, {
    headers: { 'X-API-KEY': 'certdesk-demo-key' },
    data: { requestStatusList: [] },
  });
  return ((await reply.json()) as { requests: { id: string }[] }).requests.map((r) => r.id);
}

async function findByName(request: APIRequestContext, commonName: string): Promise<Listed[]> {
  const reply = await request.get(`${appUrl}/api/requests`, { params: { q: commonName } });
  return ((await reply.json()) as { requests: Listed[] }).requests;
}

test('a submission survives kill -9 of the server and is signed exactly once', async ({ playwright }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-e2e-restart-'));
  const databaseUrl = join(dir, 'certdesk.db');
  let server = startServer(databaseUrl);
  const anonymous = await playwright.request.newContext();
  try {
    await expect.poll(() => answers(anonymous, '/api/auth/ok'), { timeout: 60_000 }).toBe(200);
    const request = await signedIn(playwright, 'operator');
    const officer = await signedIn(playwright, 'officer');
    const before = await tsbRequestIds(request);
    const signedBefore = await signCalls(request);
    await request.post(`${simulatorUrl}/_sim/faults`, {
      data: { method: 'POST', path: signPath, delayMs: 5_000, count: 1 },
    });

    const commonName = `restart-${randomUUID().slice(0, 8)}.example`;
    const submitting = request
      .post(`${appUrl}/api/requests`, {
        headers: { 'Idempotency-Key': randomUUID() },
        data: {
          csrPem: await makeCsr(commonName),
          signKeyName: 'CA.approver.example',
          signatureAlgorithm: 'SHA256_WITH_RSA',
          commonName,
          certificateAuthority: false,
          keyUsage: ['DIGITAL_SIGNATURE'],
          extendedKeyUsage: ['SERVER_AUTH'],
          reason: 'e2e: kill -9 while signing',
        },
        timeout: 60_000,
      })
      .catch(() => null);
    await expect.poll(() => signCalls(request)).toBe(signedBefore + 1);
    await killHard(server);
    expect(await submitting).toBeNull();

    server = startServer(databaseUrl);
    await expect.poll(() => answers(request, '/api/requests?pageSize=1'), { timeout: 60_000 }).toBe(200);
    const [recovered] = await findByName(request, commonName);
    expect(recovered?.history.map((h) => h.status)).toEqual(
      expect.arrayContaining(['SUBMITTING', 'UNKNOWN']),
    );

    // The TSB finishes the call the dead server made; that one new request is the submission.
    let created: string[] = [];
    await expect
      .poll(
        async () => (created = (await tsbRequestIds(request)).filter((id) => !before.includes(id))).length,
        { timeout: 30_000 },
      )
      .toBe(1);
    for (const approver of ['alice', 'bruno']) {
      const act = await request.post(`${simulatorUrl}/approver/act.json`, {
        data: { approver, action: 'approve', requestId: created[0] },
      });
      expect(act.ok(), await act.text()).toBe(true);
    }

    await expect
      .poll(
        async () => {
          await officer.get(`${appUrl}/api/reconciliation`);
          const [row] = await findByName(request, commonName);
          return row && { id: row.id, status: row.status, tsbRequestId: row.tsbRequestId };
        },
        { timeout: 30_000 },
      )
      .toEqual({ id: recovered!.id, status: 'EXECUTED', tsbRequestId: created[0] });
    expect(await findByName(request, commonName)).toHaveLength(1);
    expect(await signCalls(request)).toBe(signedBefore + 1);
  } finally {
    await anonymous.delete(`${simulatorUrl}/_sim/faults`);
    await anonymous.dispose();
    await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
