import { expect, test, type Page } from './fixtures/auth';

// Single sign-on through a real OIDC provider (e2e/oidc/provider.ts, started by playwright.config.ts):
// its own sign-in and consent pages, and its `certdesk_role` claim decides the role.
test.use({ role: null });

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a person whose provider grants certdesk_role=auditor lands signed in as an auditor', async ({
  page,
}) => {
  await signInAtProvider(page, 'sso-auditor');
  const signedIn = page.getByRole('group', { name: 'Signed in' });
  await expect(signedIn.getByText('Sam Auditor', { exact: true })).toBeVisible();
  await expect(signedIn.getByText('Auditor', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/127\.0\.0\.1:3100\/$/);
});

test('a person whose provider grants no CertDesk role is refused', async ({ page }) => {
  await signInAtProvider(page, 'sso-norole');
  await expect(page).toHaveURL(/\/login\?sso=failed/);
  await expect(page.getByRole('region', { name: 'Sign in' }).getByRole('alert')).toContainText(
    'grant you a CertDesk role',
  );
});
