import { X509Certificate as NodeX509 } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCertificate, renderOpensslText, verifySignedBy, type CertificateView } from './index';

const fixture = (name: string) => readFileSync(`mocks/fixtures/${name}`, 'utf8');

async function decoded(name: string, now?: Date): Promise<{ view: CertificateView; warnings: string[] }> {
  const result = await decodeCertificate(fixture(name), now);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('decodeCertificate on the TSB documentation certificate', () => {
  const openssl = fixture('seed-approver-sub.openssl.txt');

  it('shows what openssl shows', async () => {
    const { view } = await decoded('seed-approver-sub.pem');
    expect(view).toMatchObject({
      version: 3,
      serialHex: '00',
      serialDecimal: '0',
      commonName: 'Approver-Intermediate-SUB',
      notBefore: '2024-01-23T00:00:00.000Z',
      notAfter: '2024-04-22T00:00:00.000Z',
      signatureAlgorithm: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption' },
      publicKey: { algorithm: 'RSA', size: 2048, exponent: 65537, curve: null },
      subjectKeyId: '55:43:7D:71:0A:B5:97:7D:86:6E:04:3C:E9:64:D5:46:9F:84:BB:C9',
      authorityKeyId: '88:AA:1D:17:0A:7E:6B:EA:5A:17:81:F5:B3:D3:4E:18:31:AD:EF:4B',
      keyUsage: null,
      extendedKeyUsage: null,
      basicConstraints: null,
      sans: [],
      selfSigned: false,
    });
    expect(view.issuer).toEqual({
      text: 'CN = CA-Key',
      attributes: [{ type: 'CN', oid: '2.5.4.3', value: 'CA-Key', tag: 19, rdn: 0 }],
    });
    expect(view.subject.text).toBe('CN = Approver-Intermediate-SUB');
    expect(view.extensions.map((e) => e.name)).toEqual([
      'X509v3 Authority Key Identifier',
      'X509v3 Subject Key Identifier',
    ]);
    expect(renderOpensslText(view)).toBe(openssl);
  });

  it('agrees with node:crypto on key, fingerprints and validity', async () => {
    const { view } = await decoded('seed-approver-sub.pem');
    const node = new NodeX509(fixture('seed-approver-sub.pem'));
    expect(view.sha256Fingerprint).toBe(node.fingerprint256);
    expect(view.sha1Fingerprint).toBe(node.fingerprint);
    expect(view.publicKey.spkiBase64).toBe(
      node.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    );
    expect(new Date(view.notAfter)).toEqual(new Date(node.validTo));
    expect(view.derBase64).toBe(node.raw.toString('base64'));
  });

  it('warns that serial 0 is not a positive serial number', async () => {
    const { warnings } = await decoded('seed-approver-sub.pem');
    expect(warnings).toEqual(['The serial number is not positive (RFC 5280 §4.1.2.2)']);
  });

  it('tells the validity state for a given instant', async () => {
    const at = async (iso: string) => (await decoded('seed-approver-sub.pem', new Date(iso))).view.validity;
    expect(await at('2024-01-01T00:00:00Z')).toEqual({ state: 'not-yet-valid', daysLeft: 112 });
    expect(await at('2024-04-12T00:00:00Z')).toEqual({ state: 'valid', daysLeft: 10 });
    expect(await at('2024-04-21T12:00:00Z')).toEqual({ state: 'valid', daysLeft: 0 });
    expect(await at('2024-05-22T00:00:00Z')).toEqual({ state: 'expired', daysLeft: -30 });
  });
});

describe('decodeCertificate on the demo chain', () => {
  it('decodes a leaf with every common extension like openssl', async () => {
    const { view, warnings } = await decoded('demo-tls-server.pem');
    const openssl = fixture('demo-tls-server.openssl.txt');
    expect(renderOpensslText(view)).toBe(openssl);
    expect(warnings).toEqual([]);
    expect(view.serialHex).toBe('f1e2d3c4b5a69788796a5b4c3d2e1f00112233');
    expect(view.subject.attributes.map((a) => a.type)).toEqual([
      'C',
      'ST',
      'L',
      'O',
      'OU',
      'CN',
      'emailAddress',
    ]);
    expect(view.keyUsage).toEqual(['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT']);
    expect(view.extendedKeyUsage?.map((e) => e.name)).toEqual(['SERVER_AUTH', 'CLIENT_AUTH']);
    expect(view.basicConstraints).toEqual({ ca: false, pathLength: null });
    expect(view.sans).toEqual([
      { type: 'dns', value: 'certdesk.example.com' },
      { type: 'dns', value: '*.certdesk.example.com' },
      { type: 'ip', value: '192.0.2.10' },
      { type: 'ip', value: '2001:db8::1' },
      { type: 'email', value: 'pki@example.com' },
      { type: 'uri', value: 'https://certdesk.example.com/' },
    ]);
    expect(view.extensions.at(-1)).toEqual({
      oid: '1.3.6.1.4.1.55555.99',
      name: '1.3.6.1.4.1.55555.99',
      critical: false,
      lines: ['0C:17:43:65:72:74:44:65:73:6B:20:74:65:73:74:20:65:78:74:65:6E:73:69:6F:6E'],
      value: { kind: 'unknown' },
      hex: '0c17436572744465736b207465737420657874656e73696f6e',
      error: null,
    });
  });

  it('decodes the EC root as a self-signed CA and verifies the chain', async () => {
    const { view } = await decoded('demo-root-ca.pem');
    const openssl = fixture('demo-root-ca.openssl.txt');
    expect(renderOpensslText(view)).toBe(openssl);
    expect(view).toMatchObject({
      selfSigned: true,
      serialHex: '1a2b3c4d5e6f',
      serialDecimal: String(0x1a2b3c4d5e6f),
      basicConstraints: { ca: true, pathLength: 1 },
      keyUsage: ['DIGITAL_SIGNATURE', 'KEY_CERT_SIGN', 'CRL_SIGN'],
      publicKey: { algorithm: 'EC', curve: 'P-256', size: 256, exponent: null },
    });
    const leaf = await decoded('demo-tls-server.pem');
    expect(leaf.view.authorityKeyId).toBe(view.subjectKeyId);
    expect(await verifySignedBy(fixture('demo-tls-server.pem'), fixture('demo-root-ca.pem'))).toBe(true);
    expect(await verifySignedBy(fixture('demo-root-ca.pem'), fixture('demo-root-ca.pem'))).toBe(true);
    expect(await verifySignedBy(fixture('demo-root-ca.pem'), fixture('demo-tls-server.pem'))).toBe(false);
    expect(await verifySignedBy(fixture('demo-tls-server.pem'), fixture('seed-approver-sub.pem'))).toBe(
      false,
    );
    expect(await verifySignedBy('garbage', fixture('demo-root-ca.pem'))).toBe(false);
  });

  it('verifies RSA, RSA-PSS and EC self-signatures, and leaves them unchecked when asked', async () => {
    const files = [
      'openssl/self-rsa-v1.pem',
      'openssl/self-rsa-pss-sha256.pem',
      'openssl/self-rsa-pss-any.pem',
      'openssl/root-p384.pem',
    ];
    for (const name of files) {
      const checked = await decodeCertificate(fixture(name));
      const unchecked = await decodeCertificate(fixture(name), undefined, { checkSelfSignature: false });
      if (!checked.ok || !unchecked.ok) throw new Error(name);
      expect(checked.view.selfSigned, name).toBe(true);
      expect(unchecked.view, name).toEqual({
        ...checked.view,
        validity: unchecked.view.validity,
        selfSigned: null,
      });
    }
    const der = Buffer.from(fixture('openssl/self-rsa-v1.pem').replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 1]! ^= 1;
    const tampered = await decodeCertificate(der);
    expect(tampered.ok && tampered.view.selfSigned).toBe(false);
  });

  it('is a plain JSON value', async () => {
    const { view } = await decoded('demo-tls-server.pem');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('refuses a CSR with a clear reason', async () => {
    expect(await decodeCertificate(fixture('demo-csr-ec-p256.pem'))).toEqual({
      ok: false,
      error: 'This is a certificate signing request, not a certificate',
    });
  });
});
