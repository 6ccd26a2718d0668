import { expect, test } from './fixtures/auth';
import { submitViaApi, uniqueName } from './fixtures/api';

// Auditors read every certificate; the one listed here comes from an operator.
test.use({ role: 'auditor' });

test('an issued certificate is listed, exported as CSV with the filters, and opens decoded', async ({
  page,
  request,
  requestAs,
}) => {
  const commonName = `${uniqueName('cert')}.example`;
  const issued = await submitViaApi(await requestAs('operator'), 'CA.direct.example', commonName);
  expect(issued.status).toBe('EXECUTED');

  await page.goto('/certificates');
  await page.getByLabel('Search', { exact: true }).fill(commonName);
  const table = page.getByRole('table', { name: 'Certificates' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').nth(1);
  await expect(row.getByRole('link', { name: commonName })).toBeVisible();
  await expect(row.getByText('valid', { exact: true })).toBeVisible();
  await expect(row).toContainText('Issued');

  const exportCsv = page.getByRole('link', { name: 'Export CSV' });
  await expect(exportCsv).toHaveAttribute('href', new RegExp(`[?&]q=${commonName}`));
  const csv = await request.get((await exportCsv.getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain(commonName);

  await page.getByRole('checkbox', { name: 'Expired', exact: true }).check();
  await expect(page.getByText('No certificates match these filters')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Valid', exact: true }).check();
  await expect(table.getByRole('link', { name: commonName })).toBeVisible();

  await table.getByRole('link', { name: commonName }).click();
  await expect(page).toHaveURL(/\/certificates\/[^/?]+$/);
  const decoded = page.getByRole('region', { name: 'Decoded certificate' });
  await expect(decoded.getByLabel('Subject', { exact: true })).toContainText(commonName);
  await expect(decoded.getByLabel('Issuer', { exact: true })).toContainText('CA.direct.example');
  await page.getByRole('link', { name: 'Open the request' }).click();
  await expect(page).toHaveURL(`/requests/${issued.id}`);
});

test('a certificate id CertDesk does not hold, or that is not one, is not found', async ({ page }) => {
  for (const id of ['3f0c9a62-52f4-4e0b-9a4e-0d5f3c1b2a77', 'not-an-id']) {
    await page.goto(`/certificates/${id}`);
    await expect(page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  }
});

test.describe('as an operator', () => {
  test.use({ role: 'operator' });

  test('the certificate page says the role has no access, and shows nothing of the inventory', async ({
    page,
    requestAs,
  }) => {
    const commonName = `${uniqueName('refused')}.example`;
    await submitViaApi(await requestAs('operator'), 'CA.direct.example', commonName);
    const listed = await (await requestAs('auditor')).get(`/api/certificates?q=${commonName}`);
    const { certificates } = (await listed.json()) as { certificates: { id: string }[] };

    await page.goto(`/certificates/${certificates[0]!.id}`);
    await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
    await expect(page.getByText(commonName)).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Decoded certificate' })).toHaveCount(0);
  });
});
