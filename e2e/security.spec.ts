import type { APIResponse, PlaywrightWorkerArgs } from '@playwright/test';
import { appUrl, simulatorUrl } from '../playwright.config';
import { submitViaApi, uniqueName } from './fixtures/api';
import { expect, test } from './fixtures/auth';
import { appServerSecrets } from './fixtures/server-secrets';

// SECURITY.md rows 5, 6, 9-12: the headers every response carries, CSRF through a real browser and
// server, x-middleware-subrequest through the real proxy, and no server secret in anything served.

test.use({ role: 'operator' });

/** A request context with no session: the runner would otherwise hand it this test's signed-in state. */
function signedOut(playwright: PlaywrightWorkerArgs['playwright']) {
  return playwright.request.newContext({ baseURL: appUrl, storageState: { cookies: [], origins: [] } });
}

function scriptPolicy(csp: string): string {
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? ''
  );
}

function expectHardened(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(scriptPolicy(csp), what).toMatch(/^script-src 'self' 'nonce-[\w+/=]{16,}' 'strict-dynamic'$/);
  for (const directive of [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]) {
    expect(csp, `${what}: ${directive}`).toContain(directive);
  }
  expect(
    Number(/max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '')?.[1]),
    `${what}: HSTS`,
  ).toBeGreaterThanOrEqual(31_536_000);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['cache-control'], what).toContain('no-store');
  expect(headers['access-control-allow-origin'], what).toBeUndefined();
}

test('pages, 404s and API answers, signed in or not, carry the security headers', async ({
  request,
  playwright,
}) => {
  const anonymous = await signedOut(playwright);
  const answers: [string, APIResponse][] = [
    ['a page', await request.get('/requests')],
    ['an RSC payload', await request.get('/requests', { headers: { RSC: '1' } })],
    ['the sign-in page', await anonymous.get('/login')],
    ['a 404 page', await request.get('/no-such-page')],
    ['an API answer', await request.get('/api/keys')],
    ['an API refusal', await anonymous.get('/api/keys')],
    ['an API 404', await request.get(`/api/requests/${crypto.randomUUID()}`)],
  ];
  expect(answers.map(([what, r]) => `${what} ${r.status()}`)).toEqual([
    'a page 200',
    'an RSC payload 200',
    'the sign-in page 200',
    'a 404 page 404',
    'an API answer 200',
    'an API refusal 401',
    'an API 404 404',
  ]);
  for (const [what, response] of answers) expectHardened(response, what);
  await anonymous.dispose();
});

test('every page has a fresh nonce, and it is on each of its scripts', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/requests', '/requests', '/no-such-page']) {
    const response = await request.get(path);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
    expect(nonce).toBeTruthy();
    nonces.add(nonce!);
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test('the dashboard runs under its policy without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/requests/new');
  await expect(page.getByLabel('CSR (PEM)', { exact: true })).toBeEditable();
  await page.goto('/no-such-page');
  await page.getByRole('link', { name: 'Back to CertDesk' }).click();
  await expect(page).not.toHaveURL(/no-such-page/);
  expect(violations).toEqual([]);
});

test('a change sent from another origin is refused, even with the session cookie', async ({
  page,
  request,
}) => {
  const { id } = await submitViaApi(request, 'CA.approver.example', `${uniqueName('csrf')}.example`);
  const cancel = `${appUrl}/api/requests/${id}/cancel`;
  // The simulator's page is another origin on the same host: the browser sends CertDesk's cookie along.
  await page.goto(`${simulatorUrl}/approver`);
  const answered = page.waitForResponse(cancel);
  await page.evaluate(async (url) => {
    await fetch(url, {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'include',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
  }, cancel);
  expect((await answered).status()).toBe(403);
  const forged: [Record<string, string>, number][] = [
    [{ Origin: 'https://evil.example' }, 403],
    [{ Origin: 'null' }, 403],
    [{ 'Sec-Fetch-Site': 'cross-site' }, 403],
    [{ 'Content-Type': 'text/plain' }, 415],
  ];
  for (const [headers, status] of forged) {
    const response = await request.post(`/api/requests/${id}/cancel`, { headers, data: '{}' });
    expect(response.status(), JSON.stringify(headers)).toBe(status);
  }
  const after = (await (await request.get(`/api/requests/${id}`)).json()) as { status: string };
  expect(after.status).toBe('PENDING');
});

test('x-middleware-subrequest opens nothing', async ({ playwright }) => {
  const anonymous = await signedOut(playwright);
  for (const value of [
    'middleware',
    'src/middleware',
    'pages/_middleware',
    Array(5).fill('middleware').join(':'),
    'proxy',
  ]) {
    const headers = { 'x-middleware-subrequest': value };
    expect((await anonymous.get('/api/requests', { headers })).status(), value).toBe(401);
    const page = await anonymous.get('/requests', { headers, maxRedirects: 0 });
    expect([307, 308], value).toContain(page.status());
    expect(page.headers().location, value).toMatch(/\/login/);
  }
  await anonymous.dispose();
});

test('the sign-in redirect names the page asked for, never a path the client claims', async ({
  playwright,
}) => {
  const anonymous = await signedOut(playwright);
  for (const claimed of ['//evil.example/', 'https://evil.example/', '/admin']) {
    const page = await anonymous.get('/approvals?x=1', {
      headers: { 'x-certdesk-path': claimed },
      maxRedirects: 0,
    });
    expect([307, 308], claimed).toContain(page.status());
    expect(page.headers().location, claimed).toBe('/login?next=%2Fapprovals%3Fx%3D1');
  }
  await anonymous.dispose();
});

test('no server secret appears in pages, RSC payloads or API errors', async ({ request, playwright }) => {
  const secrets = appServerSecrets();
  expect(Object.keys(secrets).length).toBeGreaterThan(0);
  const anonymous = await signedOut(playwright);
  const bodies = await Promise.all(
    [
      anonymous.get('/login'),
      request.get('/requests'),
      request.get('/requests/new'),
      request.get('/requests/new', { headers: { RSC: '1' } }),
      request.get('/no-such-page'),
      request.get('/api/keys'),
      request.get('/api/requests/not-an-id'),
      request.post('/api/requests', {
        data: { csrPem: 'nope' },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
      anonymous.get('/api/requests'),
    ].map(async (response) => (await response).text()),
  );
  for (const [name, value] of Object.entries(secrets)) {
    expect(
      bodies.filter((body) => body.includes(value)),
      name,
    ).toEqual([]);
  }
  await anonymous.dispose();
});
