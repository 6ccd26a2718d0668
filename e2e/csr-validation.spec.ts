import { expect, test } from '@playwright/test';
import { breakSignature, makeCsr } from './fixtures/csr';
import { simulatorStats } from './fixtures/simulator';

test('a CSR whose signature does not verify is refused in the browser and never sent', async ({
  page,
  request,
}) => {
  let submissions = 0;
  await page.route('**/api/requests', async (route) => {
    if (route.request().method() === 'POST') submissions += 1;
    await route.continue();
  });
  const statsBefore = await simulatorStats(request);

  await page.goto('/requests/new');
  const csrField = page.getByLabel('CSR (PEM)');
  await csrField.fill(breakSignature(await makeCsr('tampered.example')));
  await expect(page.getByText(/The CSR's signature does not verify/)).toBeVisible();
  await expect(csrField).toHaveAttribute('aria-invalid', 'true');
  await expect(csrField).toHaveAccessibleDescription(/signature does not verify/);

  await page.getByLabel('Signing key').selectOption('CA.direct.example');
  await page.getByRole('checkbox', { name: 'Digital Signature', exact: true }).check();
  const submit = page.getByRole('button', { name: 'Sign now' });
  await expect(submit).toBeDisabled();
  // Enter in a text field is the other way a form gets submitted.
  await page.getByLabel('Common name').press('Enter');

  await expect(page).toHaveURL(/\/requests\/new$/);
  expect(submissions).toBe(0);
  expect(await simulatorStats(request)).toEqual(statsBefore);
});
