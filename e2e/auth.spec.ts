import { appUrl } from '../playwright.config';
import { demoEmail, demoPassword, expect, signInThroughUi, test } from './fixtures/auth';

// Signing in and out with local accounts, as a person would; these specs start signed out.
test.use({ role: null });

test('an anonymous visitor is sent to sign in, sees the demo accounts, and a wrong password is refused', async ({
  page,
}) => {
  await page.goto('/requests');
  await expect(page).toHaveURL(/\/login\?next=%2Frequests$/);
  const demo = page.getByRole('region', { name: 'Demo accounts' });
  await expect(demo).toContainText(demoEmail('operator'));
  await expect(demo).toContainText(demoPassword);

  await page.getByLabel('Email', { exact: true }).fill(demoEmail('operator'));
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Sign in' }).getByRole('alert')).toContainText(
    /invalid email or password/i,
  );
  await expect(page).toHaveURL(/\/login\?next=%2Frequests$/);
});

test('a signed-out visit to a page comes back to it, with its query, after signing in', async ({ page }) => {
  await page.goto('/approvals');
  await expect(page).toHaveURL(/\/login\?next=%2Fapprovals$/);
  await page.getByLabel('Email', { exact: true }).fill(demoEmail('officer'));
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${appUrl}/approvals`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Approvals');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/requests?status=PENDING');
  await expect(page).toHaveURL(/\/login\?next=%2Frequests%3Fstatus%3DPENDING$/);
  await page.getByLabel('Email', { exact: true }).fill(demoEmail('officer'));
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${appUrl}/requests?status=PENDING`);
});

test('signing in sets an HttpOnly SameSite session cookie and shows name and role; signing out ends the session on the server', async ({
  page,
  context,
}) => {
  await signInThroughUi(page, demoEmail('officer'));
  const signedIn = page.getByRole('group', { name: 'Signed in' });
  await expect(signedIn).toContainText('Oscar Officer');
  await expect(signedIn).toContainText('Security officer');

  // Plain http on loopback: no Secure flag and so no __Host- prefix are possible; everything else holds.
  const session = (await context.cookies()).find((c) => c.name === 'certdesk-session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await context.cookies()).some((c) => c.name === 'certdesk-session')).toBe(false);

  // The old cookie, replayed, no longer opens anything.
  await context.addCookies([session!]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});

test('confirming who you are signs in again with a new session id', async ({ page, context }) => {
  const sessionId = async () => (await context.cookies()).find((c) => c.name === 'certdesk-session')?.value;
  await signInThroughUi(page, demoEmail('auditor'));
  const first = await sessionId();

  await page.goto('/login?reauth=1&next=/certificates');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(demoEmail('auditor'));
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${appUrl}/certificates`);
  expect(first).toBeTruthy();
  expect(await sessionId()).not.toBe(first);
});
