import { describe, expect, it } from 'vitest';
import { ascii, decodeOne, tlv } from './spec-support';

const oid = {
  anyPolicy: '0604551d2000',
  cps: '06082b06010505070201',
  notice: '06082b06010505070202',
  ev: '060567810c0101',
};

describe('certificatePolicies (2.5.29.32)', () => {
  it('reads CPS pointers and user notices, BMPString texts included', () => {
    const notice = tlv(
      '30',
      tlv('30', tlv('0c', ascii('Org')), tlv('30', '020101', '020102')),
      tlv('1e', '0041'),
    );
    const value = tlv(
      '30',
      tlv(
        '30',
        oid.anyPolicy,
        tlv('30', tlv('30', oid.cps, tlv('16', ascii('https://cps'))), tlv('30', oid.notice, notice)),
      ),
      tlv('30', oid.ev),
    );
    const { view, openssl } = decodeOne('2.5.29.32', value);
    expect(view.value).toEqual({
      kind: 'certificatePolicies',
      policies: [
        {
          oid: '2.5.29.32.0',
          name: 'X509v3 Any Policy',
          qualifiers: [
            { type: 'cps', uri: { tag: 22, text: 'https://cps' } },
            {
              type: 'userNotice',
              organization: { tag: 12, text: 'Org' },
              numbers: ['1', '2'],
              explicitText: { tag: 30, text: 'A' },
            },
          ],
        },
        { oid: '2.23.140.1.1', name: '2.23.140.1.1', qualifiers: null },
      ],
    });
    expect(view.lines).toContain('    Explicit Text: A');
    // OpenSSL prints a BMPString's octets with %s, so its text stops at the first (zero) octet.
    expect(openssl).toBe(
      'X509v3 Certificate Policies: \n    Policy: X509v3 Any Policy\n      CPS: https://cps\n      User Notice:\n' +
        '        Organization: Org\n        Numbers: 1, 2\n        Explicit Text: \n    Policy: 2.23.140.1.1\n',
    );
  });
});

describe('policyConstraints (2.5.29.36)', () => {
  it('reads both skip counts', () => {
    const { view } = decodeOne('2.5.29.36', tlv('30', '800100', '810102'), true);
    expect(view.value).toEqual({
      kind: 'policyConstraints',
      requireExplicitPolicy: '0',
      inhibitPolicyMapping: '2',
    });
    expect(view.lines).toEqual(['Require Explicit Policy:0, Inhibit Policy Mapping:2']);
  });
});

describe('policyMappings (2.5.29.33)', () => {
  it('pairs issuer and subject policies', () => {
    const { view } = decodeOne('2.5.29.33', tlv('30', tlv('30', '0604551d2000', '060567810c0101')));
    expect(view.value).toEqual({
      kind: 'policyMappings',
      mappings: [{ issuerDomainPolicy: '2.5.29.32.0', subjectDomainPolicy: '2.23.140.1.1' }],
    });
    expect(view.lines).toEqual(['X509v3 Any Policy:2.23.140.1.1']);
  });
});

describe('inhibitAnyPolicy (2.5.29.54)', () => {
  it('reads the skip count', () => {
    const { view, openssl } = decodeOne('2.5.29.54', '020103', true);
    expect(view.value).toEqual({ kind: 'inhibitAnyPolicy', skipCerts: '3' });
    expect(openssl).toBe('X509v3 Inhibit Any Policy: critical\n    3\n');
  });
});
