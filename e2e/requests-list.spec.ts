import { expect, test } from './fixtures/auth';
import { submitViaApi, uniqueName } from './fixtures/api';

test('the request list filters by status on the server, sorts by column and pages', async ({
  page,
  request,
}) => {
  const prefix = uniqueName('list');
  for (const n of [1, 2, 3]) await submitViaApi(request, 'CA.approver.example', `${prefix}-p${n}.example`);
  await submitViaApi(request, 'CA.direct.example', `${prefix}-x.example`);

  await page.goto('/requests');
  await page.getByLabel('Search', { exact: true }).fill(prefix);
  await expect(page.getByText('Showing 1–4 of 4 requests')).toBeVisible();

  const pending = page.getByRole('checkbox', { name: 'Pending', exact: true });
  await pending.click();
  await expect(pending).toBeChecked();
  await expect(page.getByText('Showing 1–3 of 3 requests')).toBeVisible();
  await expect(page).toHaveURL(/[?&]status=PENDING(&|$)/);
  await page.getByRole('checkbox', { name: 'Executed', exact: true }).click();
  await expect(page.getByText('Showing 1–4 of 4 requests')).toBeVisible();
  await pending.click();
  await expect(pending).not.toBeChecked();
  await expect(page.getByText('Showing 1–1 of 1 request')).toBeVisible();
  await expect(page.getByRole('link', { name: `${prefix}-x.example` })).toBeVisible();

  await page.goBack();
  await expect(page.getByText('Showing 1–4 of 4 requests')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Pending', exact: true })).toBeChecked();

  await page.goto(`/requests?q=${prefix}&pageSize=2`);
  const table = page.getByRole('table', { name: 'Certificate requests' });
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await expect(pagination.getByText('Page 1 of 2')).toBeVisible();
  await table.getByRole('button', { name: 'Common name' }).click();
  await expect(table.getByRole('columnheader', { name: 'Common name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(table.getByRole('row').nth(1)).toContainText(`${prefix}-p1.example`);

  await pagination.getByRole('button', { name: 'Next' }).click();
  await expect(pagination.getByText('Page 2 of 2')).toBeVisible();
  await expect(page.getByText('Showing 3–4 of 4 requests')).toBeVisible();
  await expect(table.getByRole('row').nth(2)).toContainText(`${prefix}-x.example`);
  await expect(pagination.getByRole('button', { name: 'Next' })).toBeDisabled();

  await table.getByRole('button', { name: 'Common name' }).click();
  await expect(table.getByRole('columnheader', { name: 'Common name' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(pagination.getByText('Page 1 of 2')).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText(`${prefix}-x.example`);

  await pagination.getByLabel('Rows per page').selectOption('10');
  await expect(pagination.getByText('Page 1 of 1')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(5);
});
