import { expect, test } from './fixtures/auth';
import { makeCsr } from './fixtures/csr';
import { statusBadge, submitRequest } from './fixtures/dashboard';

test('a pending request can be cancelled after confirming', async ({ page }) => {
  await submitRequest(page, {
    csr: await makeCsr('cancelled.example'),
    signingKey: 'CA.approver.example',
    keyUsages: ['Digital Signature'],
    submit: 'Submit for approval',
  });
  await expect(statusBadge(page, 'PENDING')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this request?' });
  await dialog.getByRole('button', { name: 'Keep the request' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusBadge(page, 'PENDING')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel request' }).click();
  await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusBadge(page, 'CANCELLED')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel request' })).toBeHidden();
});
