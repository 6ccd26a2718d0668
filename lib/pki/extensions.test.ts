import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AccessDescription,
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CertificatePolicies,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  ExtendedKeyUsage,
  Extension,
  GeneralName,
  IssueAlternativeName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  OtherName,
  PolicyInformation,
  PolicyQualifierInfo,
  RelativeDistinguishedName,
  AttributeTypeAndValue,
  AttributeValue,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { decodeExtensions } from './extensions';

const ext = (extnID: string, value: object | ArrayBuffer, critical = false) =>
  new Extension({
    extnID,
    critical,
    extnValue: new OctetString(value instanceof ArrayBuffer ? value : AsnConvert.serialize(value)),
  });
const one = (extension: Extension) => decodeExtensions([extension]);
const uri = (value: string) => new GeneralName({ uniformResourceIdentifier: value });
const bytes = (...values: number[]) => new Uint8Array(values).buffer;

describe('extension parsers', () => {
  it('basicConstraints', () => {
    const ca = one(ext('2.5.29.19', new BasicConstraints({ cA: true, pathLenConstraint: 0 }), true));
    expect(ca.views).toEqual([
      { oid: '2.5.29.19', name: 'X509v3 Basic Constraints', critical: true, lines: ['CA:TRUE, pathlen:0'] },
    ]);
    expect(ca.basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect(one(ext('2.5.29.19', new BasicConstraints())).views[0]?.lines).toEqual(['CA:FALSE']);
  });

  it('keyUsage', () => {
    const flags = KeyUsageFlags.digitalSignature | KeyUsageFlags.keyCertSign | KeyUsageFlags.decipherOnly;
    const decoded = one(ext('2.5.29.15', new KeyUsage(flags), true));
    expect(decoded.keyUsage).toEqual(['DIGITAL_SIGNATURE', 'KEY_CERT_SIGN', 'DECIPHER_ONLY']);
    expect(decoded.views[0]?.lines).toEqual(['Digital Signature, Certificate Sign, Decipher Only']);
  });

  it('extKeyUsage', () => {
    const decoded = one(
      ext('2.5.29.37', new ExtendedKeyUsage(['1.3.6.1.5.5.7.3.3', '2.5.29.37.0', '1.2.3.4'])),
    );
    expect(decoded.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.3', '2.5.29.37.0', '1.2.3.4']);
    expect(decoded.views[0]?.lines).toEqual(['Code Signing, Any Extended Key Usage, 1.2.3.4']);
  });

  it('subjectAltName, including names that are neither DNS, IP, e-mail nor URI', () => {
    const directoryName = new Name([
      new RelativeDistinguishedName([
        new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: 'Dir' }) }),
      ]),
    ]);
    const names = new SubjectAlternativeName([
      new GeneralName({ dNSName: 'example.com' }),
      new GeneralName({ iPAddress: '2001:db8::1' }),
      new GeneralName({ rfc822Name: 'a@example.com' }),
      uri('https://example.com/'),
      new GeneralName({ directoryName }),
      new GeneralName({ registeredID: '1.2.3.4' }),
      new GeneralName({
        otherName: new OtherName({ typeId: '1.3.6.1.4.1.311.20.2.3', value: bytes(0x0c, 0x01, 0x41) }),
      }),
    ]);
    const decoded = one(ext('2.5.29.17', names));
    expect(decoded.sans).toEqual([
      { type: 'dns', value: 'example.com' },
      { type: 'ip', value: '2001:db8::1' },
      { type: 'email', value: 'a@example.com' },
      { type: 'uri', value: 'https://example.com/' },
      { type: 'other', value: 'DirName:CN = Dir' },
      { type: 'other', value: 'Registered ID:1.2.3.4' },
      { type: 'other', value: 'othername:1.3.6.1.4.1.311.20.2.3:#0c0141' },
    ]);
    expect(decoded.views[0]?.lines[0]).toMatch(
      /^DNS:example\.com, IP Address:2001:db8::1, email:a@example\.com, URI:/,
    );
  });

  it('issuerAltName', () => {
    const decoded = one(ext('2.5.29.18', new IssueAlternativeName([uri('https://ca.example.com/')])));
    expect(decoded.views[0]).toMatchObject({
      name: 'X509v3 Issuer Alternative Name',
      lines: ['URI:https://ca.example.com/'],
    });
    expect(decoded.sans).toEqual([]);
  });

  it('subjectKeyIdentifier', () => {
    const decoded = one(ext('2.5.29.14', new SubjectKeyIdentifier(bytes(0x0a, 0xbc, 0xde))));
    expect(decoded.subjectKeyId).toBe('0A:BC:DE');
    expect(decoded.views[0]?.lines).toEqual(['0A:BC:DE']);
  });

  it('authorityKeyIdentifier, with issuer and serial', () => {
    const aki = new AuthorityKeyIdentifier({
      keyIdentifier: new KeyIdentifier(bytes(0x88, 0xaa)),
      authorityCertIssuer: [uri('https://ca.example.com/')],
      authorityCertSerialNumber: bytes(0x01, 0x02),
    });
    const decoded = one(ext('2.5.29.35', aki));
    expect(decoded.authorityKeyId).toBe('88:AA');
    expect(decoded.views[0]?.lines).toEqual(['88:AA', 'URI:https://ca.example.com/', 'serial:01:02']);
  });

  it('certificatePolicies, with a CPS pointer', () => {
    const cps = new PolicyQualifierInfo({
      policyQualifierId: '1.3.6.1.5.5.7.2.1',
      qualifier: bytes(0x16, 0x03, 0x61, 0x62, 0x63),
    });
    const policies = new CertificatePolicies([
      new PolicyInformation({ policyIdentifier: '2.23.140.1.2.1', policyQualifiers: [cps] }),
    ]);
    expect(one(ext('2.5.29.32', policies)).views[0]?.lines).toEqual(['Policy: 2.23.140.1.2.1', '  CPS: abc']);
  });

  it('cRLDistributionPoints', () => {
    const points = new CRLDistributionPoints([
      new DistributionPoint({
        distributionPoint: new DistributionPointName({ fullName: [uri('http://crl.example.com/ca.crl')] }),
      }),
    ]);
    expect(one(ext('2.5.29.31', points)).views[0]?.lines).toEqual([
      'Full Name:',
      '  URI:http://crl.example.com/ca.crl',
    ]);
  });

  it('authorityInfoAccess', () => {
    const aia = new AuthorityInfoAccessSyntax([
      new AccessDescription({
        accessMethod: '1.3.6.1.5.5.7.48.1',
        accessLocation: uri('http://ocsp.example.com/'),
      }),
      new AccessDescription({
        accessMethod: '1.3.6.1.5.5.7.48.2',
        accessLocation: uri('http://example.com/ca.cer'),
      }),
    ]);
    expect(one(ext('1.3.6.1.5.5.7.1.1', aia)).views[0]?.lines).toEqual([
      'OCSP - URI:http://ocsp.example.com/',
      'CA Issuers - URI:http://example.com/ca.cer',
    ]);
  });
});

describe('decodeExtensions fallbacks', () => {
  it('shows an unknown extension by OID and hex, without a warning', () => {
    const decoded = one(ext('1.2.3.4.5', bytes(0x04, 0x02, 0xca, 0xfe), true));
    expect(decoded.views).toEqual([
      { oid: '1.2.3.4.5', name: '1.2.3.4.5', critical: true, lines: ['04:02:CA:FE'] },
    ]);
    expect(decoded.warnings).toEqual([]);
  });

  it('shows a known extension that does not parse as hex, with a warning', () => {
    const decoded = one(ext('2.5.29.15', bytes(0x05, 0x00)));
    expect(decoded.views[0]).toEqual({
      oid: '2.5.29.15',
      name: 'X509v3 Key Usage',
      critical: false,
      lines: ['05:00'],
    });
    expect(decoded.keyUsage).toBeNull();
    expect(decoded.warnings).toEqual(['X509v3 Key Usage could not be parsed; its raw bytes are shown']);
  });

  it('warns about a repeated extension', () => {
    const bc = ext('2.5.29.19', new BasicConstraints());
    expect(decodeExtensions([bc, bc]).warnings).toEqual([
      'X509v3 Basic Constraints appears more than once (RFC 5280 forbids it)',
    ]);
  });
});
