import { expect, signedOutContext, test } from './fixtures/auth';
import { uniqueName } from './fixtures/api';
import { inviteUser, signInWithOneTimePassword } from './fixtures/users';

// Signed in with an invitation's one-time password, a person sees only /change-password; they can still
// leave: "Sign out" there ends the session on the server.
test.use({ role: 'admin' });

test('the first-password page signs out, and the session it held opens nothing afterwards', async ({
  page,
  browser,
}) => {
  const email = `${uniqueName('first')}@example.org`;
  const oneTimePassword = await inviteUser(page, { email, name: 'Fay First', role: 'auditor' });

  const userContext = await signedOutContext(browser);
  const user = await userContext.newPage();
  await signInWithOneTimePassword(user, email, oneTimePassword);
  const session = (await userContext.cookies()).find((c) => c.name === 'certdesk-session');
  expect(session).toBeDefined();

  await user.getByRole('button', { name: 'Sign out' }).click();
  await expect(user).toHaveURL(/\/login$/);
  expect((await userContext.cookies()).some((c) => c.name === 'certdesk-session')).toBe(false);

  // The old cookie, replayed, no longer reaches even the first-password page.
  await userContext.addCookies([session!]);
  await user.goto('/change-password');
  await expect(user).toHaveURL(/\/login$/);
  await expect(user.getByRole('heading', { name: 'Choose your password' })).toHaveCount(0);
  await userContext.close();
});

test('after choosing a password, an invited user lands on the page the link was for', async ({
  page,
  browser,
}) => {
  const email = `${uniqueName('first')}@example.org`;
  const oneTimePassword = await inviteUser(page, { email, name: 'Finn First', role: 'auditor' });

  const userContext = await signedOutContext(browser);
  const user = await userContext.newPage();
  await user.goto('/approvals');
  await expect(user).toHaveURL(/\/login\?next=%2Fapprovals$/);
  await user.getByLabel('Email', { exact: true }).fill(email);
  await user.getByLabel('Password', { exact: true }).fill(oneTimePassword);
  await user.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(user.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await expect(user).toHaveURL(/\/change-password\?next=%2Fapprovals$/);

  const newPassword = `${uniqueName('pw')}-Long-enough`;
  await user.getByLabel('Current password').fill(oneTimePassword);
  await user.getByLabel('New password', { exact: true }).fill(newPassword);
  await user.getByLabel('New password again').fill(newPassword);
  await user.getByRole('button', { name: 'Change password' }).click();
  await expect(user).toHaveURL(/\/approvals$/);
  await expect(user.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible();
  await userContext.close();
});
