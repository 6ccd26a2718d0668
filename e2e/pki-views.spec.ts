import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as x509 from '@peculiar/x509';
import { submitViaApi, uniqueName } from './fixtures/api';
import { expect, test, type Page } from './fixtures/auth';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ec = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A self-signed certificate with the extensions an auditor most often reads. */
async function certificateWithExtensions(commonName: string): Promise<string> {
  const keys = await webcrypto.subtle.generateKey(ec, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '7a3f01',
    name: `CN=${commonName}, O=CertDesk e2e, C=CH`,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 90 * 86_400_000),
    keys,
    signingAlgorithm: ec,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: commonName },
        { type: 'ip', value: '192.0.2.10' },
        { type: 'email', value: 'pki@example.com' },
        { type: 'url', value: 'https://example.com/pki' },
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      new x509.CRLDistributionPointsExtension(['http://crl.example.com/e2e.crl']),
    ],
  });
  return certificate.toString('pem');
}

/** Saves what clicking the button (or, with `role` 'link', the link) `name` downloads: file name and bytes. */
async function download(
  page: Page,
  name: string,
  role: 'button' | 'link' = 'button',
): Promise<{ file: string; bytes: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent('download'), page.getByRole(role, { name }).click()]);
  return { file: event.suggestedFilename(), bytes: await readFile(await event.path()) };
}

test('/decode shows a certificate in tabs: extensions, OpenSSL text, a keyboard ASN.1 tree, PKCS#7', async ({
  page,
}) => {
  const commonName = `${uniqueName('views')}.example`;
  await page.goto('/decode');
  await page
    .getByLabel('Certificate or CSR (PEM)', { exact: true })
    .fill(await certificateWithExtensions(commonName));

  const result = page.getByRole('region', { name: 'Certificate', exact: true });
  const tabs = result.getByRole('tablist', { name: 'Certificate views' });
  for (const name of ['Overview', 'Extensions', 'OpenSSL text', 'ASN.1', 'PEM']) {
    await expect(tabs.getByRole('tab', { name })).toBeVisible();
  }
  await expect(result.getByLabel('Subject', { exact: true })).toHaveText(
    `CN = ${commonName}, O = CertDesk e2e, C = CH`,
  );
  await expect(result.getByLabel('Serial number', { exact: true })).toHaveText('7A:3F:01');
  await expect(result.getByRole('region', { name: 'Lint findings' })).toBeVisible();

  // Tabs follow the arrow keys, as Radix tabs do.
  await tabs.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Extensions' })).toHaveAttribute('aria-selected', 'true');
  const san = result.getByRole('listitem', { name: 'X509v3 Subject Alternative Name' });
  await expect(san.getByLabel('IP address', { exact: true })).toHaveText('192.0.2.10');
  await expect(
    result.getByRole('listitem', { name: 'X509v3 Key Usage' }).getByText('critical'),
  ).toBeVisible();

  await tabs.getByRole('tab', { name: 'OpenSSL text' }).click();
  await expect(result.getByRole('tabpanel', { name: 'OpenSSL text' })).toContainText(
    'X509v3 Subject Alternative Name',
  );
  await expect(result.getByRole('tabpanel', { name: 'OpenSSL text' })).toContainText('IP Address:192.0.2.10');

  await tabs.getByRole('tab', { name: 'ASN.1' }).click();
  const tree = result.getByRole('tree', { name: 'ASN.1 structure' });
  await tree.getByRole('treeitem').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const version = tree.getByRole('treeitem', { name: /^8 \[0\] len 3$/ });
  await expect(version).toBeFocused();
  await expect(version).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(version).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: /INTEGER len 1 2 \(0x02\)/ })).toBeFocused();
  await expect(
    result.getByRole('region', { name: 'Selected ASN.1 node' }).getByLabel('Offset', { exact: true }),
  ).toHaveText('10');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(version).toHaveAttribute('aria-expanded', 'false');

  const p7b = await download(page, 'Download PKCS#7');
  expect(p7b.file).toMatch(/\.p7b$/);
  // ContentInfo whose content type is id-signedData (1.2.840.113549.1.7.2).
  expect(p7b.bytes.includes(Buffer.from('06092a864886f70d010702', 'hex'))).toBe(true);
  const der = await download(page, 'Download DER');
  expect(der.bytes[0]).toBe(0x30);
});

test('the request page of an executed request shows the same tabs and a chain with the CA certificate', async ({
  page,
  request,
}) => {
  const commonName = `${uniqueName('chain')}.example`;
  const issued = await submitViaApi(request, 'CA.direct.example', commonName);
  expect(issued.status).toBe('EXECUTED');

  await page.goto(`/requests/${issued.id}`);
  const certificate = page.getByRole('region', { name: 'Issued certificate' });
  const tabs = certificate.getByRole('tablist', { name: 'Certificate views' });
  for (const name of ['Overview', 'Extensions', 'OpenSSL text', 'ASN.1', 'PEM']) {
    await expect(tabs.getByRole('tab', { name })).toBeVisible();
  }
  await expect(certificate.getByText(/hold this certificate and its CA certificate/)).toBeVisible();
  await expect(certificate.getByRole('link', { name: 'Download PEM' })).toHaveAttribute('href', /format=pem/);

  const chain = await download(page, 'Download chain');
  expect(chain.file).toBe(`${commonName}-chain.pem`);
  const blocks = chain.bytes.toString().match(/-----BEGIN CERTIFICATE-----/g);
  expect(blocks).toHaveLength(2);
  const ca = await request.get('/api/keys/CA.direct.example/certificate');
  expect(ca.status()).toBe(200);
  const { pem } = (await ca.json()) as { pem: string };
  expect(chain.bytes.toString().endsWith(pem)).toBe(true);

  await tabs.getByRole('tab', { name: 'OpenSSL text' }).click();
  await expect(certificate.getByRole('tabpanel', { name: 'OpenSSL text' })).toContainText(
    `CN = ${commonName}`,
  );
});

test.describe('as a security officer', () => {
  test.use({ role: 'officer' });

  test('the certificate page, rendered on the server, shows the same tabs, audited files with the CA certificate and lint findings', async ({
    page,
    request,
    requestAs,
  }) => {
    const commonName = `${uniqueName('stored')}.example`;
    await submitViaApi(await requestAs('operator'), 'CA.direct.example', commonName);
    const listed = await request.get(`/api/certificates?q=${commonName}`);
    const { certificates } = (await listed.json()) as { certificates: { id: string }[] };
    expect(certificates).toHaveLength(1);

    await page.goto(`/certificates/${certificates[0]!.id}`);
    const decoded = page.getByRole('region', { name: 'Decoded certificate' });
    const tabs = decoded.getByRole('tablist', { name: 'Certificate views' });
    await expect(tabs.getByRole('tab', { name: 'ASN.1' })).toBeVisible();
    await expect(decoded.getByRole('region', { name: 'Lint findings' })).toBeVisible();
    await expect(decoded.getByText(/hold this certificate and its CA certificate/)).toBeVisible();

    const p7b = await download(page, 'Download PKCS#7', 'link');
    expect(p7b.file).toBe(`${commonName}.p7b`);
    // Two certificates: the issued one and the CA's, each a SEQUENCE with a two-byte length.
    const certificateStarts = p7b.bytes.toString('hex').match(/30820[0-9a-f]{3}30820[0-9a-f]{3}a0030201/g);
    expect(certificateStarts).toHaveLength(2);
    const chain = await download(page, 'Download chain', 'link');
    expect(chain.file).toBe(`${commonName}-chain.pem`);
    expect(chain.bytes.toString().match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    const der = await download(page, 'Download DER', 'link');
    expect(der.file).toBe(`${commonName}.cer`);
    expect(der.bytes[0]).toBe(0x30);

    // Tabs follow the arrow keys, wrapping from the last to the first.
    await tabs.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    const extensions = tabs.getByRole('tab', { name: 'Extensions' });
    await expect(extensions).toBeFocused();
    await expect(extensions).toHaveAttribute('aria-selected', 'true');
    const usage = decoded.getByRole('listitem', { name: 'X509v3 Extended Key Usage' });
    await expect(usage.getByText('TLS Web Server Authentication')).toBeVisible();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');

    await tabs.getByRole('tab', { name: 'OpenSSL text' }).click();
    await expect(decoded.getByRole('tabpanel', { name: 'OpenSSL text' })).toContainText(`CN = ${commonName}`);

    // The ASN.1 structure as disclosures: the certificate's three parts open, the version closed until asked.
    await tabs.getByRole('tab', { name: 'ASN.1' }).click();
    const structure = decoded.getByRole('list', { name: 'ASN.1 structure' });
    const version = structure.locator('summary').filter({ hasText: /^8 \[0\] len 3$/ });
    await expect(version).toBeVisible();
    const versionNumber = structure.locator('summary').filter({ hasText: /^10 INTEGER len 1 2 \(0x02\)$/ });
    await expect(versionNumber).toBeHidden();
    await version.focus();
    await page.keyboard.press('Enter');
    await expect(versionNumber).toBeVisible();
    await expect(structure.getByText('[0] (context-specific 0, constructed), header 2 bytes')).toBeVisible();
  });
});
