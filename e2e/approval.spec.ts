import { expect, test } from './fixtures/auth';
import { makeCsr } from './fixtures/csr';
import { statusBadge, submitRequest, tsbRequestIdOf } from './fixtures/dashboard';
import { decide, hsmCertificate, hsmCsr } from './fixtures/simulator';

test('a CSR from the HSM is approved by two officers, issued as asked, and imported back', async ({
  page,
  context,
  request,
}) => {
  const csr = await hsmCsr(request, 'SUB.leaf.example', 'leaf.example');
  await submitRequest(page, {
    csr,
    signingKey: 'CA.approver.example',
    keyUsages: ['Digital Signature', 'Key Encipherment'],
    extendedKeyUsages: ['TLS Web Server Authentication'],
    reason: 'Web server certificate for leaf.example',
    submit: 'Submit for approval',
  });
  await expect(statusBadge(page, 'PENDING')).toBeVisible();
  await expect(page.getByText('0 of 2 approvals')).toBeVisible();
  const tsbRequestId = await tsbRequestIdOf(page);

  const approverApp = await context.newPage();
  await decide(approverApp, 'Alice Keller', tsbRequestId, 'Approve');
  await expect(page.getByText('1 of 2 approvals')).toBeVisible();
  await decide(approverApp, 'Bruno Meier', tsbRequestId, 'Approve');
  await approverApp.close();

  await expect(statusBadge(page, 'EXECUTED')).toBeVisible();
  const issued = page.getByRole('region', { name: 'Issued certificate' });
  await expect(issued.getByText('Digital Signature, Key Encipherment')).toBeVisible();
  await expect(issued.getByText('TLS Web Server Authentication')).toBeVisible();
  await expect(issued.getByLabel('Subject', { exact: true })).toContainText('leaf.example');
  await expect(issued.getByLabel('Issuer', { exact: true })).toContainText('CA.approver.example');
  await expect(issued.getByRole('link', { name: 'Download PEM' })).toBeVisible();
  await expect(issued.getByRole('link', { name: 'Download DER' })).toBeVisible();
  const pem = (await issued.locator('pre').textContent())!;

  await issued.getByLabel('Key label').fill('SUB.leaf.example');
  await issued.getByRole('button', { name: 'Import into HSM' }).click();
  await expect(issued.getByText('Imported into the HSM as SUB.leaf.example')).toBeVisible();

  const stored = JSON.stringify(await hsmCertificate(request, 'SUB.leaf.example'));
  const body = pem.replace(/-----[^-]+-----|\s/g, '');
  expect(stored.replace(/\\n|\s/g, '')).toContain(body);
});

test('two of three officers rejecting makes the request REJECTED', async ({ page, context }) => {
  await submitRequest(page, {
    csr: await makeCsr('rejected.example'),
    signingKey: 'CA.approver.example',
    keyUsages: ['Digital Signature'],
    extendedKeyUsages: ['TLS Web Client Authentication'],
    submit: 'Submit for approval',
  });
  const tsbRequestId = await tsbRequestIdOf(page);

  const approverApp = await context.newPage();
  await decide(approverApp, 'Alice Keller', tsbRequestId, 'Reject');
  await decide(approverApp, 'Bruno Meier', tsbRequestId, 'Reject');
  await approverApp.close();

  await expect(statusBadge(page, 'REJECTED')).toBeVisible();
  await expect(page.getByText('Quorum unreachable').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel request' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Issued certificate' })).toBeHidden();
});
