import { describe, expect, it } from 'vitest';
import { keyUsageWarnings, usagePresets, type UsageChoice } from './index';

const leaf: UsageChoice = {
  keyUsage: [],
  extendedKeyUsage: [],
  certificateAuthority: false,
  keyAlgorithm: 'RSA',
};
const warn = (choice: Partial<UsageChoice>) => keyUsageWarnings({ ...leaf, ...choice });

describe('usagePresets', () => {
  it('offers the five usual profiles, each consistent for RSA and EC keys', () => {
    expect(usagePresets.map((p) => p.id)).toEqual([
      'tls-server',
      'tls-client',
      'code-signing',
      'email-protection',
      'intermediate-ca',
    ]);
    for (const preset of usagePresets.filter((p) => p.id !== 'email-protection')) {
      for (const keyAlgorithm of ['RSA', 'EC'])
        expect(keyUsageWarnings({ ...preset, keyAlgorithm })).toEqual([]);
    }
    const smime = usagePresets.find((p) => p.id === 'email-protection');
    expect(smime && keyUsageWarnings({ ...smime, keyAlgorithm: 'RSA' })).toEqual([]);
  });
});

describe('keyUsageWarnings', () => {
  it('finds nothing to say about an empty choice', () => {
    expect(warn({})).toEqual([]);
  });

  it('ties the CA flag to Certificate Sign both ways', () => {
    expect(warn({ certificateAuthority: true, keyUsage: ['DIGITAL_SIGNATURE'] })).toEqual([
      'A CA certificate needs Certificate Sign to issue certificates',
    ]);
    expect(warn({ keyUsage: ['KEY_CERT_SIGN'] })).toEqual([
      'Certificate Sign is meant for CA certificates, but the CA flag is off',
    ]);
  });

  it('asks for the key usages TLS and code signing need', () => {
    expect(warn({ extendedKeyUsage: ['SERVER_AUTH'] })).toEqual([
      'TLS server authentication needs Digital Signature (or Key Encipherment for RSA key exchange)',
    ]);
    expect(warn({ keyUsage: ['KEY_ENCIPHERMENT'], extendedKeyUsage: ['SERVER_AUTH'] })).toEqual([]);
    expect(warn({ extendedKeyUsage: ['CLIENT_AUTH'] })).toEqual([
      'TLS client authentication needs Digital Signature',
    ]);
    expect(warn({ extendedKeyUsage: ['CODE_SIGNING'] })).toEqual(['Code signing needs Digital Signature']);
  });

  it('knows what each key family can do', () => {
    expect(warn({ keyAlgorithm: 'EC', keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] })).toEqual([
      'Key and Data Encipherment do not apply to EC keys, which cannot encrypt',
    ]);
    expect(warn({ keyAlgorithm: 'RSA', keyUsage: ['KEY_AGREEMENT'] })).toEqual([
      'Key Agreement does not apply to RSA keys',
    ]);
    expect(warn({ keyAlgorithm: null, keyUsage: ['KEY_ENCIPHERMENT', 'KEY_AGREEMENT'] })).toEqual([]);
  });

  it('needs Key Agreement for Encipher Only and Decipher Only', () => {
    expect(warn({ keyAlgorithm: 'EC', keyUsage: ['DECIPHER_ONLY'] })).toEqual([
      'Encipher Only and Decipher Only mean something only together with Key Agreement',
    ]);
    expect(warn({ keyAlgorithm: 'EC', keyUsage: ['KEY_AGREEMENT', 'ENCIPHER_ONLY'] })).toEqual([]);
  });

  it('discourages catch-all and mixed purposes on a leaf', () => {
    expect(warn({ keyUsage: ['DIGITAL_SIGNATURE'], extendedKeyUsage: ['ANY_EXTENDED_KEY_USAGE'] })).toEqual([
      'Any Extended Key Usage lets an end-entity certificate be used for every purpose; choose the specific usages',
    ]);
    expect(
      warn({
        certificateAuthority: true,
        keyUsage: ['KEY_CERT_SIGN'],
        extendedKeyUsage: ['ANY_EXTENDED_KEY_USAGE'],
      }),
    ).toEqual([]);
    expect(
      warn({ keyUsage: ['DIGITAL_SIGNATURE'], extendedKeyUsage: ['CODE_SIGNING', 'SERVER_AUTH'] }),
    ).toEqual([
      'Code signing and TLS server authentication should not share a certificate (CA/Browser Forum)',
    ]);
  });
});
