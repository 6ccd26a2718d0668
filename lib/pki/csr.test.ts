import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCsr, decodeCsr, derToPem, readPemOrDer, renderOpensslText } from './index';
import { csrView, sampleCsrs } from './test-support';

let rsaCsr: string;
let ecCsr: string;

beforeAll(async () => {
  ({ rsaCsr, ecCsr } = await sampleCsrs());
});

/** The same CSR with one bit of its DER flipped at `index` (negative: from the end, where the signature is). */
function flipBit(pem: string, index: number | ((der: Uint8Array) => number)): string {
  const read = readPemOrDer(pem);
  if (!read.ok) throw new Error(read.error);
  const der = read.der.slice();
  const at = typeof index === 'function' ? index(der) : der.length + index;
  der[at] = (der[at] ?? 0) ^ 0x01;
  return derToPem(der, 'CERTIFICATE REQUEST');
}

/** Where the subject's common name starts in the DER: flipping a bit there alters signed data, not structure. */
const inCommonName = (der: Uint8Array) => Buffer.from(der).indexOf('app.example.com');

describe('decodeCsr', () => {
  it('decodes an RSA CSR made with WebCrypto: subject, SANs, requested extensions', async () => {
    const csr = await csrView(rsaCsr);
    expect(csr.subject.text).toBe('CN = app.example.com, O = Example SA, C = CH');
    expect(csr.commonName).toBe('app.example.com');
    expect(csr.sans).toEqual([
      { type: 'dns', value: 'app.example.com' },
      { type: 'ip', value: '10.0.0.1' },
      { type: 'email', value: 'ops@example.com' },
      { type: 'uri', value: 'https://app.example.com/' },
    ]);
    expect(csr.publicKey).toMatchObject({ algorithm: 'RSA', size: 2048, exponent: 65537, curve: null });
    expect(csr.signatureAlgorithm).toEqual({ oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption' });
    expect(csr.signatureValid).toBe(true);
    expect(csr.requestedKeyUsage).toEqual(['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT']);
    expect(csr.requestedExtendedKeyUsage).toEqual(['SERVER_AUTH', 'CLIENT_AUTH']);
    expect(csr.requestedCa).toBeNull();
    expect(csr.challengePassword).toBe(false);
    expect(csr.extensions.map((e) => [e.name, e.critical])).toEqual([
      ['X509v3 Subject Alternative Name', false],
      ['X509v3 Key Usage', true],
      ['X509v3 Extended Key Usage', false],
    ]);
    expect(csr.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(csr.pem).toBe(rsaCsr.replace(/\r\n/g, '\n').trim() + '\n');
  });

  it('decodes an EC P-256 CSR', async () => {
    const csr = await csrView(ecCsr);
    expect(csr.publicKey).toMatchObject({ algorithm: 'EC', size: 256, curve: 'P-256', exponent: null });
    expect(csr.signatureAlgorithm.name).toBe('ecdsa-with-SHA256');
    expect(csr.signatureValid).toBe(true);
    expect(csr.sans).toHaveLength(4);
    expect(checkCsr(csr)).toEqual([]);
  });

  it('decodes the OpenSSL fixtures like openssl', async () => {
    for (const name of ['demo-csr-ec-p256', 'demo-csr-rsa-new-label']) {
      const csr = await csrView(readFileSync(`mocks/fixtures/${name}.pem`, 'utf8'));
      const openssl = readFileSync(`mocks/fixtures/${name}.openssl.txt`, 'utf8');
      expect(csr.signatureValid).toBe(true);
      expect(renderOpensslText(csr)).toBe(openssl);
    }
    const ec = await csrView(readFileSync('mocks/fixtures/demo-csr-ec-p256.pem', 'utf8'));
    expect(ec).toMatchObject({
      challengePassword: true,
      requestedCa: false,
      requestedKeyUsage: ['DIGITAL_SIGNATURE', 'KEY_AGREEMENT'],
      requestedExtendedKeyUsage: ['CLIENT_AUTH', '1.3.6.1.4.1.311.20.2.2'],
    });
    expect(ec.extensions[2]?.lines).toEqual(['TLS Web Client Authentication, Microsoft Smartcard Login']);
  });

  it('finds a flipped bit in the signature or in the signed data', async () => {
    const altered = [flipBit(rsaCsr, -1), flipBit(ecCsr, -1), flipBit(rsaCsr, inCommonName)];
    expect((await csrView(altered[2] ?? '')).commonName).toBe('`pp.example.com');
    for (const pem of altered) {
      const csr = await csrView(pem);
      expect(csr.signatureValid).toBe(false);
      expect(checkCsr(csr)).toContainEqual({
        field: 'signature',
        severity: 'error',
        code: 'csr_signature_invalid',
        message: "The CSR's signature does not verify: it was altered or not signed by its key",
      });
    }
  });

  it('degrades to a warning when the requested extensions do not parse', async () => {
    // Turn the SEQUENCE of extensions into a SET: still valid DER, no longer Extensions.
    const extensionsTag = (der: Uint8Array) => {
      const set = Buffer.from(der).indexOf(Buffer.from('06092a864886f70d01090e', 'hex')) + 11;
      const length = der[set + 1] ?? 0;
      return set + 2 + (length & 0x80 ? length & 0x7f : 0);
    };
    const decoded = await decodeCsr(flipBit(rsaCsr, extensionsTag));
    expect(decoded).toMatchObject({
      ok: true,
      warnings: ['The requested extensions could not be parsed and are ignored'],
    });
    if (decoded.ok) expect(decoded.view).toMatchObject({ extensions: [], sans: [], signatureValid: false });
  });

  it('refuses a certificate with a clear reason', async () => {
    const certificate = readFileSync('mocks/fixtures/seed-approver-sub.pem', 'utf8');
    expect(await decodeCsr(certificate)).toEqual({
      ok: false,
      error: 'This is a certificate, not a certificate signing request',
    });
  });
});
