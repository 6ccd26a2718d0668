import { appUrl } from '../playwright.config';
import { demoEmail, demoPassword, expect, signInThroughUi, test } from './fixtures/auth';
import { makeCsr } from './fixtures/csr';

// Submitting needs a sign-in under 5 minutes old (401 reauth_required otherwise; the server side is
// lib/api/handler.test.ts). Here the browser's part: the form keeps what was typed, sends the operator to
// sign in again, and comes back to the same request, ready to submit. Signing in again ends the session
// held before, so these tests sign in on their own rather than with the run's shared operator session.
test.use({ role: null });

test('a submit refused for an old sign-in comes back after signing in again, with the draft restored', async ({
  page,
}) => {
  const csr = await makeCsr('reauth.example');
  await signInThroughUi(page, demoEmail('operator'));
  await page.goto('/requests/new');
  await page.getByLabel('CSR (PEM)', { exact: true }).fill(csr);
  await expect(page.getByRole('region', { name: 'Decoded CSR' })).toBeVisible();
  await page.getByLabel('Signing key', { exact: true }).selectOption('CA.direct.example');
  await page.getByRole('checkbox', { name: 'Digital Signature', exact: true }).check();
  await page.getByLabel('Reason for the approvers', { exact: true }).fill('Renewal before the reauth test');

  // The session is fresh in this run; the server's answer for a stale one is played once.
  let refused = 0;
  await page.route('**/api/requests', async (route) => {
    if (route.request().method() !== 'POST' || refused > 0) return route.fallback();
    refused += 1;
    await route.fulfill({
      status: 401,
      json: { error: { code: 'reauth_required', message: 'Confirm it is you: sign in again.' } },
    });
  });
  await page.getByRole('button', { name: 'Sign now' }).click();

  await expect(page).toHaveURL(/\/login\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('reauth')).toBe('1');
  expect(url.searchParams.get('next')).toBe('/requests/new');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(demoEmail('operator'));
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page).toHaveURL(`${appUrl}/requests/new`);
  await expect(page.getByRole('status').filter({ hasText: 'Your request is as you left it.' })).toBeVisible();
  await expect(page.getByLabel('CSR (PEM)', { exact: true })).toHaveValue(csr);
  await expect(page.getByLabel('Signing key', { exact: true })).toHaveValue('CA.direct.example');
  await expect(page.getByRole('checkbox', { name: 'Digital Signature', exact: true })).toBeChecked();
  await expect(page.getByLabel('Reason for the approvers', { exact: true })).toHaveValue(
    'Renewal before the reauth test',
  );
  await expect(page.getByRole('textbox', { name: 'Common name', exact: true })).toHaveValue('reauth.example');

  await page.getByRole('button', { name: 'Sign now' }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  expect(refused).toBe(1);

  // Restored once: a later visit starts empty.
  await page.goto('/requests/new');
  await expect(page.getByLabel('CSR (PEM)', { exact: true })).toHaveValue('');
});

test('the sign-in page returns to a page on this site only', async ({ page }) => {
  for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email', { exact: true }).fill(demoEmail('auditor'));
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(`${appUrl}/`);
  }
});
