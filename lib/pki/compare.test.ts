import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  type X509Certificate,
} from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareIssued, type IssuanceRequest } from './index';
import { ecP256, generateKeys, issue, makeCa, makeCsr, rsa, type IssueParams } from './test-support';

let caKeys: CryptoKeyPair;
let ca: X509Certificate;
let otherCaKeys: CryptoKeyPair;
let otherCa: X509Certificate;
let subjectKeys: CryptoKeyPair;
let strangerKeys: CryptoKeyPair;
let expected: IssuanceRequest;

const leafExtensions = () => [
  new BasicConstraintsExtension(false, undefined, true),
  new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
  new ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.1']),
];

beforeAll(async () => {
  [caKeys, otherCaKeys, subjectKeys, strangerKeys] = await Promise.all([
    generateKeys(rsa),
    generateKeys(ecP256),
    generateKeys(ecP256),
    generateKeys(ecP256),
  ]);
  [ca, otherCa] = await Promise.all([
    makeCa(caKeys, rsa, 'CN=CA-Key'),
    makeCa(otherCaKeys, ecP256, 'CN=Other CA'),
  ]);
  expected = {
    csrPem: await makeCsr(subjectKeys, ecP256, 'CN=app.example.com'),
    commonName: 'app.example.com',
    keyUsage: ['DIGITAL_SIGNATURE'],
    extendedKeyUsage: ['SERVER_AUTH'],
    certificateAuthority: false,
    issuerCertPem: ca.toString('pem'),
  };
});

const issued = (overrides: Partial<IssueParams> = {}) =>
  issue({
    ca,
    caKeys,
    algorithm: rsa,
    publicKey: subjectKeys.publicKey,
    subject: 'CN=app.example.com',
    extensions: leafExtensions(),
    ...overrides,
  });

describe('compareIssued', () => {
  it('finds nothing when the certificate is what was asked', async () => {
    expect(await compareIssued(expected, await issued())).toEqual([]);
  });

  it('catches a wrong common name', async () => {
    expect(await compareIssued(expected, await issued({ subject: 'CN=other.example.com' }))).toEqual([
      'The common name is "other.example.com", not "app.example.com"',
    ]);
  });

  it('catches a key other than the CSR key', async () => {
    expect(await compareIssued(expected, await issued({ publicKey: strangerKeys.publicKey }))).toEqual([
      "The certificate's public key is not the CSR's public key",
    ]);
  });

  it('catches different key usages, extended key usages and CA flag', async () => {
    const certificate = await issued({
      extensions: [
        new BasicConstraintsExtension(true, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyCertSign, true),
        new ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.2', '1.2.3.4']),
      ],
    });
    expect(await compareIssued(expected, certificate)).toEqual([
      'The key usage is DIGITAL_SIGNATURE, KEY_CERT_SIGN, not DIGITAL_SIGNATURE',
      'The extended key usage is CLIENT_AUTH, 1.2.3.4, not SERVER_AUTH',
      'The certificate is a CA certificate, contrary to what was asked',
    ]);
  });

  it('compares usages only when some were asked for', async () => {
    const certificate = await issued({ extensions: [] });
    expect(await compareIssued({ ...expected, keyUsage: [], extendedKeyUsage: [] }, certificate)).toEqual([]);
    expect(await compareIssued(expected, certificate)).toEqual([
      'The key usage is absent, not DIGITAL_SIGNATURE',
      'The extended key usage is absent, not SERVER_AUTH',
    ]);
  });

  it('catches another issuer and a signature the CA key did not make', async () => {
    const byOtherCa = await issued({ ca: otherCa, caKeys: otherCaKeys, algorithm: ecP256 });
    expect(await compareIssued(expected, byOtherCa)).toEqual([
      'The issuer is "CN = Other CA", not the CA key\'s subject "CN = CA-Key"',
      "The signature does not verify with the CA key's certificate",
    ]);
    const forged = await issued({ ca, caKeys: otherCaKeys, algorithm: ecP256 });
    expect(await compareIssued(expected, forged)).toEqual([
      "The signature does not verify with the CA key's certificate",
    ]);
    expect(await compareIssued({ ...expected, issuerCertPem: null }, forged)).toEqual([]);
  });

  it('catches serial numbers RFC 5280 forbids', async () => {
    // The generator never writes serial 0, but the TSB documentation's certificate has it.
    const tsbDocumented = readFileSync('mocks/fixtures/seed-approver-sub.pem', 'utf8');
    expect(await compareIssued(expected, tsbDocumented)).toContain(
      'The serial number 0 is not positive (RFC 5280 §4.1.2.2)',
    );
    expect(await compareIssued(expected, await issued({ serialNumber: '01'.repeat(21) }))).toEqual([
      'The serial number is 21 octets long; RFC 5280 allows 20',
    ]);
    expect(await compareIssued(expected, await issued({ serialNumber: '7f'.repeat(20) }))).toEqual([]);
  });

  it('reports an unreadable certificate or CSR instead of throwing', async () => {
    expect(await compareIssued(expected, 'not a certificate')).toEqual([
      'The issued certificate could not be read: The input is neither PEM nor valid base64',
    ]);
    const mismatches = await compareIssued({ ...expected, csrPem: '' }, await issued());
    expect(mismatches).toEqual([
      'The CSR could not be read, so the public key was not compared: The input is empty',
    ]);
  });
});
