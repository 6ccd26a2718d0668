import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oidOf, parseAsn } from './asn';
import { asn1Tree } from './asn1-tree';
import { readPemOrDer } from './pem';
import { bytes, oidArc, oidDer, tlv } from './robustness/der-builders';
import { outlineKind, readCertificate, readCertificationRequest, readExtensions } from './x509';

const read = (file: string) => {
  const result = readPemOrDer(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return result.der;
};
const certificate = read('mocks/fixtures/demo-tls-server.pem');
const request = read('mocks/fixtures/demo-csr-ec-p256.pem');
const hex = (value: Uint8Array) => Buffer.from(value).toString('hex');

describe('readCertificate', () => {
  it('reads every field of the signed part, the signed octets exactly as encoded', () => {
    const { tbs, signatureAlgorithm, signatureValue } = readCertificate(parseAsn(certificate));
    expect(tbs.version).toBe(2);
    expect(hex(tbs.serial)).toBe('00f1e2d3c4b5a69788796a5b4c3d2e1f00112233');
    expect(tbs.signature).toEqual({ oid: '1.2.840.10045.4.3.2', parameters: null });
    expect(tbs.notBefore.toISOString()).toBe('2026-11-28T10:38:23.000Z');
    expect(tbs.notAfter.toISOString()).toBe('2029-03-02T10:38:23.000Z');
    expect(tbs.subjectPublicKeyInfo.algorithm.oid).toBe('1.2.840.113549.1.1.1');
    expect(hex(tbs.subjectPublicKeyInfo.algorithm.parameters ?? bytes())).toBe('0500');
    expect(tbs.extensions?.map((e) => e.oid)).toContain('2.5.29.17');
    expect(hex(tbs.der)).toBe(hex(certificate.subarray(4, 4 + 4 + 1083)));
    expect(signatureAlgorithm.oid).toBe('1.2.840.10045.4.3.2');
    expect(signatureValue[0]).toBe(0x30);
  });

  it('reads a UTCTime year below 50 in the 2000s and from 50 in the 1900s', () => {
    const validity = (year: string) => {
      const copy = Uint8Array.from(certificate);
      copy.set(Buffer.from(year), 122);
      return readCertificate(parseAsn(copy)).tbs.notBefore.getUTCFullYear();
    };
    expect(validity('49')).toBe(2049);
    expect(validity('50')).toBe(1950);
  });
});

describe('outlineKind', () => {
  it('tells certificates and requests apart', () => {
    expect(outlineKind(parseAsn(certificate))).toBe('certificate');
    expect(outlineKind(parseAsn(request))).toBe('csr');
    expect(readCertificationRequest(parseAsn(request)).info.version).toBe(0);
  });

  it('goes by the outline: a certificate with a bad field is still a certificate', () => {
    const broken = Uint8Array.from(certificate);
    broken[120] = 0x04; // notBefore as an OCTET STRING
    expect(outlineKind(parseAsn(broken))).toBe('certificate');
    expect(() => readCertificate(parseAsn(broken))).toThrow('a time is neither UTCTime nor GeneralizedTime');
    const signedPart = tlv(0x30, tlv(0x02, bytes(1)));
    const other = tlv(0x30, Uint8Array.from([...signedPart, ...tlv(0x30, bytes()), ...tlv(0x03, bytes(0))]));
    expect(outlineKind(parseAsn(other))).toBe('unknown');
  });
});

describe('object identifiers', () => {
  it('keeps arcs beyond 2^53 and 128-bit arcs (2.25 UUID OIDs) exact', () => {
    const oid = '2.25.329800735698586629295641978511506172918';
    const extension = tlv(0x30, Uint8Array.from([...oidDer(oid), ...tlv(0x04, bytes(0x05, 0))]));
    const extensions = tlv(0x30, extension);
    expect(readExtensions(extensions)[0]?.oid).toBe(oid);
    const beyondDoubles = parseAsn(oidArc((1n << 53n) + 1n)).children[0];
    expect(oidOf(beyondDoubles)).toBe('1.2.9007199254740993');
    const tree = asn1Tree(extensions);
    expect(tree.ok && tree.view.children[0]?.children[0]?.value).toBe(oid);
  });
});
