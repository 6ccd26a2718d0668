import { BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsageFlags } from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { decodeOne, tlv } from './spec-support';

describe('basicConstraints (2.5.29.19)', () => {
  it('reads the CA flag and path length', () => {
    const { view, decoded, openssl } = decodeOne(
      '2.5.29.19',
      new BasicConstraints({ cA: true, pathLenConstraint: 0 }),
      true,
    );
    expect(view).toMatchObject({
      name: 'X509v3 Basic Constraints',
      critical: true,
      lines: ['CA:TRUE, pathlen:0'],
    });
    expect(view.value).toEqual({ kind: 'basicConstraints', ca: true, pathLength: 0 });
    expect(decoded.basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect(openssl).toBe('X509v3 Basic Constraints: critical\n    CA:TRUE, pathlen:0\n');
  });

  it('defaults to CA:FALSE for an empty sequence', () => {
    expect(decodeOne('2.5.29.19', new BasicConstraints()).view.lines).toEqual(['CA:FALSE']);
  });
});

describe('keyUsage (2.5.29.15)', () => {
  it('names every bit set', () => {
    const flags = KeyUsageFlags.digitalSignature | KeyUsageFlags.keyCertSign | KeyUsageFlags.decipherOnly;
    const { view, decoded } = decodeOne('2.5.29.15', new KeyUsage(flags), true);
    expect(decoded.keyUsage).toEqual(['DIGITAL_SIGNATURE', 'KEY_CERT_SIGN', 'DECIPHER_ONLY']);
    expect(view.lines).toEqual(['Digital Signature, Certificate Sign, Decipher Only']);
  });

  it('dumps the octets like openssl when no bit is set', () => {
    const { view, openssl } = decodeOne('2.5.29.15', '030100');
    expect(view.value).toEqual({ kind: 'keyUsage', usages: [] });
    expect(openssl).toBe('X509v3 Key Usage: \n    ...\n');
  });
});

describe('extendedKeyUsage (2.5.29.37)', () => {
  it('names the usages OpenSSL knows and keeps the others as OIDs', () => {
    const { view, decoded } = decodeOne(
      '2.5.29.37',
      new ExtendedKeyUsage(['1.3.6.1.5.5.7.3.3', '2.5.29.37.0', '1.2.3.4']),
    );
    expect(decoded.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.3', '2.5.29.37.0', '1.2.3.4']);
    expect(view.lines).toEqual(['Code Signing, Any Extended Key Usage, 1.2.3.4']);
    expect(view.value).toMatchObject({
      usages: [{ oid: '1.3.6.1.5.5.7.3.3', label: 'Code Signing' }, {}, {}],
    });
  });
});

describe('netscapeCertType (2.16.840.1.113730.1.1)', () => {
  it('names the bits', () => {
    const { view } = decodeOne('2.16.840.1.113730.1.1', '03020284');
    expect(view.value).toEqual({ kind: 'netscapeCertType', types: ['SSL Client', 'SSL CA'] });
    expect(view.lines).toEqual(['SSL Client, SSL CA']);
  });
});

describe('tlsFeature (1.3.6.1.5.5.7.1.24)', () => {
  it('names status_request and keeps other features as numbers', () => {
    const { view, openssl } = decodeOne('1.3.6.1.5.5.7.1.24', tlv('30', '020105', '020111', '020107'));
    expect(view.value).toEqual({
      kind: 'tlsFeature',
      features: [
        { id: '5', name: 'status_request' },
        { id: '17', name: 'status_request_v2' },
        { id: '7', name: null },
      ],
    });
    expect(openssl).toBe('TLS Feature: \n    status_request, status_request_v2, 7\n');
  });
});

describe('privateKeyUsagePeriod (2.5.29.16)', () => {
  it('reads either bound', () => {
    const value = tlv('30', tlv('81', Buffer.from('20300101000000Z').toString('hex')));
    const { view, openssl } = decodeOne('2.5.29.16', value);
    expect(view.value).toEqual({
      kind: 'privateKeyUsagePeriod',
      notBefore: null,
      notAfter: '2030-01-01T00:00:00.000Z',
    });
    expect(openssl).toBe('X509v3 Private Key Usage Period: \n    Not After: Jan  1 00:00:00 2030 GMT\n');
  });
});
