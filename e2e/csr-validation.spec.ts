import { expect, test } from './fixtures/auth';
import { breakSignature, makeCsr } from './fixtures/csr';
import { signCalls } from './fixtures/simulator';

test('a CSR whose signature does not verify is refused in the browser and never sent', async ({
  page,
  request,
}) => {
  let submissions = 0;
  await page.route('**/api/requests', async (route) => {
    if (route.request().method() === 'POST') submissions += 1;
    await route.continue();
  });
  const signCallsBefore = await signCalls(request);

  await page.goto('/requests/new');
  const csrField = page.getByLabel('CSR (PEM)', { exact: true });
  await csrField.fill(breakSignature(await makeCsr('tampered.example')));
  await expect(page.getByText(/The CSR's signature does not verify/)).toBeVisible();
  await expect(csrField).toHaveAttribute('aria-invalid', 'true');
  await expect(csrField).toHaveAccessibleDescription(/signature does not verify/);

  await page.getByLabel('Signing key', { exact: true }).selectOption('CA.direct.example');
  await page.getByRole('checkbox', { name: 'Digital Signature', exact: true }).check();
  const submit = page.getByRole('button', { name: 'Sign now' });
  await expect(submit).toBeDisabled();
  // Enter in a text field is the other way a form gets submitted.
  await page.getByRole('textbox', { name: 'Common name', exact: true }).press('Enter');

  await expect(page).toHaveURL(/\/requests\/new$/);
  expect(submissions).toBe(0);
  expect(await signCalls(request)).toBe(signCallsBefore);
});
