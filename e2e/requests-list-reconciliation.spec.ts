import { expect, test } from './fixtures/auth';
import { simulatorUrl } from '../playwright.config';
import { makeCsr } from './fixtures/csr';

const credential = { 'X-API-KEY': 'certdesk-demo-key' };

// Settling what CertDesk does not know about is an officer's work.
test.use({ role: 'officer' });

test('a request sent to the TSB around CertDesk is listed for reconciliation', async ({ page, request }) => {
  // Another tool with CertDesk's credential: the TSB has the request, CertDesk has no record of it.
  const sent = await request.post(`${simulatorUrl}/v1/certificate/sign`, {
    headers: credential,
    data: {
      signCertificateRequest: {
        signKeyName: 'CA.approver.example',
        keyPassword: null,
        signatureAlgorithm: 'SHA256_WITH_RSA',
        commonName: 'around.example',
        certificateAuthority: false,
        certificateSigningRequest: await makeCsr('around.example'),
        keyUsage: ['DIGITAL_SIGNATURE'],
        extendedKeyUsage: ['SERVER_AUTH'],
        metaData: null,
        metaDataSignature: null,
      },
      requestSignature: null,
    },
  });
  expect(sent.ok(), await sent.text()).toBe(true);
  const { signRequestId } = (await sent.json()) as { signRequestId: string };

  await page.goto('/requests');
  await page.getByRole('link', { name: 'Reconciliation' }).click();
  const untracked = page.getByRole('region', { name: 'On the TSB, unknown to CertDesk' });
  await expect(untracked.getByRole('row').filter({ hasText: signRequestId })).toContainText('PENDING');
  await expect(page.getByRole('region', { name: 'Sent, outcome unknown' })).toBeVisible();

  await request.delete(`${simulatorUrl}/v1/request/${signRequestId}`, { headers: credential });
});
