import { expect, test } from './fixtures/auth';
import { makeCsr } from './fixtures/csr';
import { statusBadge, submitRequest } from './fixtures/dashboard';

test('a key without approval policy signs at once', async ({ page }) => {
  await page.goto('/requests/new');
  await page.getByLabel('Signing key', { exact: true }).selectOption('CA.direct.example');
  await expect(page.getByText('No approval policy: signs immediately')).toBeVisible();

  await submitRequest(page, {
    csr: await makeCsr('direct.example'),
    signingKey: 'CA.direct.example',
    keyUsages: ['Digital Signature'],
    extendedKeyUsages: ['TLS Web Client Authentication'],
    submit: 'Sign now',
  });

  await expect(statusBadge(page, 'EXECUTED')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Approvals' })).toBeHidden();
  const issued = page.getByRole('region', { name: 'Issued certificate' });
  await expect(issued.getByLabel('Subject', { exact: true })).toContainText('direct.example');
  await expect(issued.getByLabel('Issuer', { exact: true })).toContainText('CA.direct.example');
  await expect(issued.getByText('TLS Web Client Authentication')).toBeVisible();
});
