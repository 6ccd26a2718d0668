import { describe, expect, it } from 'vitest';
import { ascii, decodeOne, tlv } from './spec-support';

describe('Netscape strings (2.16.840.1.113730.1.2, .3, .4, .7, .8, .12, .13)', () => {
  it('reads the IA5String', () => {
    for (const arc of [2, 3, 4, 7, 8, 12, 13]) {
      const { view } = decodeOne(`2.16.840.1.113730.1.${arc}`, tlv('16', ascii('hello')));
      expect(view.value).toEqual({ kind: 'ia5String', text: { tag: 22, text: 'hello' } });
    }
    expect(decodeOne('2.16.840.1.113730.1.13', tlv('0c', ascii('x'))).view.error).toBe(
      'expected an IA5String',
    );
  });
});

describe('msTemplateName (1.3.6.1.4.1.311.20.2)', () => {
  it('reads the BMPString name OpenSSL only dumps', () => {
    const { view, openssl } = decodeOne(
      '1.3.6.1.4.1.311.20.2',
      tlv('1e', '005700650062005300650072007600650072'),
    );
    expect(view).toMatchObject({ name: 'Microsoft Certificate Template Name', lines: ['WebServer'] });
    expect(openssl).toBe('1.3.6.1.4.1.311.20.2: \n    ...W.e.b.S.e.r.v.e.r\n');
  });
});

describe('msTemplate (1.3.6.1.4.1.311.21.7)', () => {
  it('reads the template OID and versions', () => {
    const { view } = decodeOne('1.3.6.1.4.1.311.21.7', tlv('30', '06072b060104018237', '020164', '020104'));
    expect(view.value).toEqual({
      kind: 'msTemplate',
      templateId: '1.3.6.1.4.1.311',
      majorVersion: '100',
      minorVersion: '4',
    });
    expect(view.lines).toEqual(['Template: 1.3.6.1.4.1.311', 'Version: 100.4']);
  });
});

describe('msCaVersion (1.3.6.1.4.1.311.21.1)', () => {
  it('splits certificate and key indexes', () => {
    expect(decodeOne('1.3.6.1.4.1.311.21.1', '0203010002').view.value).toEqual({
      kind: 'msCaVersion',
      certIndex: 2,
      keyIndex: 1,
    });
  });
});
