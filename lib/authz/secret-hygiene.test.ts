import { delay, http, HttpResponse } from 'msw';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as keys } from '@/app/api/keys/route';
import { POST as submit } from '@/app/api/requests/route';
import { submission } from '@/lib/requests/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, DEMO_API_KEY, setFault } from '@/mocks/tsb';
import { actAs, actors, apiRequest } from './test-support';

// SECURITY.md row 10: whatever the TSB does, CertDesk's answers and log lines never carry its credential
// or private-key armour, and errors stay generic with a reference.

const tsb = startSimulator({ SUBMIT_RATE_PER_MINUTE: '1000', TSB_TIMEOUT_MS: '300' });
const secrets = [DEMO_API_KEY, 'PRIVATE KEY'];

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  for (const level of ['error', 'warn', 'log', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a),
          )
          .join(' '),
      );
    });
  }
  actAs(actors.operator);
});
afterEach(() => {
  vi.restoreAllMocks();
  clearFaults(tsb.sim);
});

async function calls(): Promise<string[]> {
  const posted = await submit(
    apiRequest('/api/requests', {
      method: 'POST',
      body: await submission(),
      headers: { 'idempotency-key': randomUUID() },
    }),
    {},
  );
  const listed = await keys(apiRequest('/api/keys'), undefined);
  return [await posted.text(), await listed.text()];
}

// The TSB echoing the credential it was sent, in every field our client reads from an error body.
const echoing = (status: number) =>
  http.all('*/v1/*', ({ request }) =>
    HttpResponse.json(
      {
        errorCode: 999,
        reason: `key ${request.headers.get('x-api-key')}`,
        message: `key ${request.headers.get('x-api-key')}`,
      },
      { status },
    ),
  );

describe.each([
  ['HTTP 500', () => setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', status: 500 })],
  ['HTTP 503', () => setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', status: 503 })],
  ['a hang past the timeout', () => tsb.server.use(http.all('*/v1/*', () => delay('infinite')))],
  [
    'a body that is not JSON',
    () =>
      tsb.server.use(
        http.all('*/v1/*', () => new HttpResponse('<html>key certdesk-demo-key</html>', { status: 200 })),
      ),
  ],
  ['an error echoing the credential (400)', () => tsb.server.use(echoing(400))],
  ['an error echoing the credential (500)', () => tsb.server.use(echoing(500))],
  [
    'a reply of the wrong shape',
    () => tsb.server.use(http.all('*/v1/*', () => HttpResponse.json({ apiKey: DEMO_API_KEY }))),
  ],
])('when the TSB gives %s', (_name, fault) => {
  it('answers without the credential, and logs without it', async () => {
    fault();
    const bodies = await calls();
    for (const secret of secrets) {
      expect(
        bodies.filter((body) => body.includes(secret)),
        secret,
      ).toEqual([]);
      expect(
        logged.filter((line) => line.includes(secret)),
        secret,
      ).toEqual([]);
    }
  });
});

it('answers an unexpected error with a reference instead of its details', async () => {
  tsb.server.use(http.all('*/v1/*', () => HttpResponse.error()));
  const [posted] = await calls();
  expect(JSON.parse(posted!)).toMatchObject({
    error: { code: expect.stringMatching(/tsb_unreachable|internal_error/) as string },
  });
});
