import { describe, expect, it } from 'vitest';
import { ascii, decodeOne, tlv } from './spec-support';

const uri = (text: string) => tlv('86', ascii(text));

describe('authorityInfoAccess (1.3.6.1.5.5.7.1.1)', () => {
  it('names the access methods', () => {
    const value = tlv(
      '30',
      tlv('30', '06082b06010505073001', uri('http://ocsp/')),
      tlv('30', '06082b06010505073002', uri('http://ca/')),
    );
    const { view, openssl } = decodeOne('1.3.6.1.5.5.7.1.1', value);
    expect(view.lines).toEqual(['OCSP - URI:http://ocsp/', 'CA Issuers - URI:http://ca/']);
    expect(view.value).toMatchObject({ access: [{ method: '1.3.6.1.5.5.7.48.1', methodName: 'OCSP' }, {}] });
    expect(openssl).toBe(
      'Authority Information Access: \n    OCSP - URI:http://ocsp/\n    CA Issuers - URI:http://ca/\n',
    );
  });
});

describe('subjectInfoAccess (1.3.6.1.5.5.7.1.11)', () => {
  it('names the repository method', () => {
    const { view } = decodeOne(
      '1.3.6.1.5.5.7.1.11',
      tlv('30', tlv('30', '06082b06010505073005', uri('rsync://r/'))),
    );
    expect(view).toMatchObject({
      name: 'Subject Information Access',
      lines: ['CA Repository - URI:rsync://r/'],
    });
  });
});

describe('crlDistributionPoints (2.5.29.31)', () => {
  it('reads full and relative names, reasons and CRL issuers', () => {
    const full = tlv(
      '30',
      tlv('a0', tlv('a0', uri('http://crl/a.crl'))),
      '81020348',
      tlv('a2', tlv('a4', tlv('30', tlv('31', tlv('30', '0603550403', tlv('0c', ascii('I'))))))),
    );
    const relative = tlv('30', tlv('a0', tlv('a1', tlv('30', '0603550403', tlv('0c', ascii('part'))))));
    const { view, openssl } = decodeOne('2.5.29.31', tlv('30', full, relative));
    expect(view.value).toMatchObject({
      kind: 'crlDistributionPoints',
      points: [
        {
          fullName: [{ type: 'uri', value: 'http://crl/a.crl' }],
          reasons: ['Key Compromise', 'Superseded'],
          crlIssuer: [{ type: 'directoryName' }],
        },
        { relativeName: [{ type: 'CN', value: 'part' }] },
      ],
    });
    expect(view.lines).toEqual([
      'Full Name:',
      '  URI:http://crl/a.crl',
      'Reasons:',
      '  Key Compromise, Superseded',
      'CRL Issuer:',
      '  DirName:CN = I',
      'Relative Name:',
      '  CN = part',
    ]);
    // OpenSSL ends a list of names without a newline, so "Reasons:" joins the last name's line.
    expect(openssl).toBe(
      'X509v3 CRL Distribution Points: \n    Full Name:\n      URI:http://crl/a.crl    Reasons:\n      Key Compromise, Superseded\n' +
        '    CRL Issuer:\n      DirName:CN = I\n    Relative Name:\n      CN = part\n\n',
    );
  });
});

describe('freshestCrl (2.5.29.46)', () => {
  it('reads distribution points', () => {
    const { view } = decodeOne(
      '2.5.29.46',
      tlv('30', tlv('30', tlv('a0', tlv('a0', uri('http://crl/delta'))))),
    );
    expect(view).toMatchObject({
      name: 'X509v3 Freshest CRL',
      lines: ['Full Name:', '  URI:http://crl/delta'],
    });
  });
});
