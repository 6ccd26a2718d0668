import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { appUrl } from '../playwright.config';
import { submitViaApi, uniqueName } from './fixtures/api';
import { demoEmail, demoPassword, expect, test } from './fixtures/auth';

/**
 * An API client signed in as the demo operator through the sign-in endpoint. Made here rather than with
 * requestAs: a browser context opened inside a test takes the test's storage state, so signing in as a
 * second role through the page would start out signed in as the first.
 */
async function operatorApi(playwright: PlaywrightWorkerArgs['playwright']): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({
    baseURL: appUrl,
    extraHTTPHeaders: { Origin: appUrl },
    storageState: { cookies: [], origins: [] },
  });
  const answer = await api.post('/api/auth/sign-in/email', {
    data: { email: demoEmail('operator'), password: demoPassword },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  return api;
}

test.describe('as an auditor', () => {
  test.use({ role: 'auditor' });

  test('the audit trail of a submitted request lists its intent and outcome, and the chain verifies', async ({
    page,
    playwright,
  }) => {
    const operator = await operatorApi(playwright);
    const commonName = uniqueName('audited.example');
    const submitted = await submitViaApi(operator, 'CA.approver.example', commonName);

    await page.goto(`/requests/${submitted.id}`);
    await expect(page.getByRole('heading', { name: `Request for ${commonName}` })).toBeVisible();
    // Auditors change nothing: the request page offers them no cancel.
    await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page).toHaveURL(new RegExp(`/audit\\?.*target=request%3A${submitted.id}`));
    await expect(page.getByText(`request:${submitted.id}`, { exact: true }).first()).toBeVisible();

    const events = page.getByRole('table', { name: 'Audit events' });
    const intent = events.getByRole('row').filter({ hasText: 'request.submit.intent' });
    const outcome = events
      .getByRole('row')
      .filter({ hasText: /request\.submit(?!\.)/ })
      .filter({ hasText: `request:${submitted.id}` });
    await expect(intent).toHaveCount(1);
    await expect(intent).toContainText('operator@demo.certdesk');
    await expect(intent.getByText('Intent', { exact: true })).toBeVisible();
    await expect(outcome).toHaveCount(1);
    await expect(outcome).toContainText('operator');
    await expect(outcome.getByText('success', { exact: true })).toBeVisible();
    await expect(outcome).toContainText(commonName);

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Audit chain OK: \d+ records? verified\./ }),
    ).toBeVisible();
    await expect(page.getByText(/Head #\d+ [0-9a-f]{64}/)).toBeVisible();
    // The e2e server runs with an audit key from its first record on (playwright.config.ts).
    await expect(
      page.getByText(/^\d+ records? keyed with HMAC-SHA-256, from #1, checked with the server’s key\.$/),
    ).toBeVisible();
    await operator.dispose();
  });

  test('the log filters by outcome and action in the address bar, and exports CSV', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit', exact: true })
      .click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await page.getByLabel('Action', { exact: true }).selectOption('auth');
    await expect(page).toHaveURL(/action=auth/);
    await expect(
      page.getByRole('table', { name: 'Audit events' }).getByText('auth.sign_in', { exact: true }).first(),
    ).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-\d{4}-\d\d-\d\d\.csv$/);
  });
});

test.describe('as an operator', () => {
  test.use({ role: 'operator' });

  test('the audit log is not shown, and its API refuses', async ({ page, request }) => {
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit', exact: true }),
    ).toHaveCount(0);
    expect((await request.get('/api/audit')).status()).toBe(403);
  });
});

test.describe('as an officer', () => {
  test.use({ role: 'officer' });

  test('a request page offers cancel but no audit trail, which officers cannot open', async ({
    page,
    playwright,
  }) => {
    const operator = await operatorApi(playwright);
    const commonName = uniqueName('watched.example');
    const submitted = await submitViaApi(operator, 'CA.approver.example', commonName);

    await page.goto(`/requests/${submitted.id}`);
    await expect(page.getByRole('heading', { name: `Request for ${commonName}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel request' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
    await operator.dispose();
  });
});
