import {
  AuthorityKeyIdentifier,
  GeneralName,
  IssueAlternativeName,
  KeyIdentifier,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { ascii, decodeOne, tlv } from './spec-support';

const uri = (value: string) => new GeneralName({ uniformResourceIdentifier: value });
const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const dirName = tlv('a4', tlv('30', tlv('31', tlv('30', '0603550403', tlv('0c', ascii('Dir'))))));
const upn = tlv('a0', '060a2b060104018237140203', tlv('a0', tlv('0c', ascii('a@example.com'))));

describe('subjectAltName (2.5.29.17)', () => {
  it('reads all nine general name forms', () => {
    const names = tlv(
      '30',
      tlv('82', ascii('example.com')),
      tlv('87', '20010db8000000000000000000000001'),
      tlv('81', ascii('a@example.com')),
      tlv('86', ascii('https://example.com/')),
      dirName,
      tlv('88', '2a030405'),
      upn,
      tlv('a3', tlv('30', tlv('61', tlv('13', ascii('CH'))))),
      tlv('a5', tlv('a0', tlv('0c', ascii('Assigner'))), tlv('a1', tlv('0c', ascii('Party')))),
    );
    const { view, decoded, openssl } = decodeOne('2.5.29.17', names);
    expect(decoded.sans).toEqual([
      { type: 'dns', value: 'example.com' },
      { type: 'ip', value: '2001:db8::1' },
      { type: 'email', value: 'a@example.com' },
      { type: 'uri', value: 'https://example.com/' },
      { type: 'other', value: 'DirName:CN = Dir' },
      { type: 'other', value: 'Registered ID:1.2.3.4.5' },
      { type: 'other', value: 'othername:Microsoft User Principal Name:a@example.com' },
      { type: 'other', value: 'X400Name:#a3083006610413024348' },
      { type: 'other', value: 'EdiPartyName:Party' },
    ]);
    expect(view.value).toMatchObject({
      kind: 'subjectAltName',
      names: [
        {},
        { type: 'ip', hex: '20010db8000000000000000000000001' },
        {},
        {},
        { type: 'directoryName' },
        { type: 'registeredId', oid: '1.2.3.4.5' },
        { type: 'otherName', typeId: '1.3.6.1.4.1.311.20.2.3', value: { tag: 12, text: 'a@example.com' } },
        { type: 'x400Address' },
        {
          type: 'ediPartyName',
          nameAssigner: { tag: 12, text: 'Assigner' },
          partyName: { tag: 12, text: 'Party' },
        },
      ],
    });
    expect(openssl).toBe(
      'X509v3 Subject Alternative Name: \n    DNS:example.com, IP Address:2001:DB8:0:0:0:0:0:1, email:a@example.com, ' +
        'URI:https://example.com/, DirName:/CN=Dir, Registered ID:1.2.3.4.5, othername: UPN::a@example.com, ' +
        'X400Name:<unsupported>, EdiPartyName:<unsupported>\n',
    );
  });

  it('prints the octets, as openssl does, when a UPN is not a UTF8String', () => {
    const names = tlv('30', tlv('a0', '060a2b060104018237140203', tlv('a0', tlv('16', ascii('x')))));
    const { view, openssl } = decodeOne('2.5.29.17', names);
    expect(view.error).toBeNull();
    expect(openssl).toBe('X509v3 Subject Alternative Name: \n    0....\n+.....7.......x\n');
  });
});

describe('issuerAltName (2.5.29.18)', () => {
  it('reads names without counting them as SANs', () => {
    const { view, decoded } = decodeOne(
      '2.5.29.18',
      new IssueAlternativeName([uri('https://ca.example.com/')]),
    );
    expect(view).toMatchObject({
      name: 'X509v3 Issuer Alternative Name',
      lines: ['URI:https://ca.example.com/'],
    });
    expect(decoded.sans).toEqual([]);
  });
});

describe('subjectKeyIdentifier (2.5.29.14)', () => {
  it('shows the key identifier in colon hex', () => {
    const { view, decoded } = decodeOne('2.5.29.14', new SubjectKeyIdentifier(bytes(0x0a, 0xbc, 0xde)));
    expect(decoded.subjectKeyId).toBe('0A:BC:DE');
    expect(view.value).toEqual({ kind: 'subjectKeyIdentifier', keyId: '0A:BC:DE' });
  });
});

describe('authorityKeyIdentifier (2.5.29.35)', () => {
  it('reads the key identifier, issuer and serial', () => {
    const aki = new AuthorityKeyIdentifier({
      keyIdentifier: new KeyIdentifier(bytes(0x88, 0xaa)),
      authorityCertIssuer: [uri('https://ca.example.com/')],
      authorityCertSerialNumber: bytes(0x00, 0x82),
    });
    const { view, decoded, openssl } = decodeOne('2.5.29.35', aki);
    expect(decoded.authorityKeyId).toBe('88:AA');
    expect(view.lines).toEqual(['88:AA', 'URI:https://ca.example.com/', 'serial:82']);
    expect(openssl).toBe(
      'X509v3 Authority Key Identifier: \n    keyid:88:AA\n    URI:https://ca.example.com/\n    serial:82\n',
    );
  });
});

describe('nameConstraints (2.5.29.30)', () => {
  it('reads permitted and excluded subtrees, IP ranges included', () => {
    const subtree = (name: string) => tlv('30', name);
    const value = tlv(
      '30',
      tlv('a0', subtree(tlv('82', ascii('.example.com'))), subtree(tlv('87', 'c0000200ffffff00'))),
      tlv('a1', subtree(tlv('87', '20010db8000000000000000000000000ffffffff000000000000000000000000'))),
    );
    const { view, openssl } = decodeOne('2.5.29.30', value, true);
    expect(view.lines).toEqual([
      'Permitted:',
      '  DNS:.example.com',
      '  IP Address:192.0.2.0/24',
      'Excluded:',
      '  IP Address:2001:db8::/32',
    ]);
    expect(openssl).toBe(
      'X509v3 Name Constraints: critical\n    Permitted:\n      DNS:.example.com\n      IP:192.0.2.0/255.255.255.0\n' +
        '    Excluded:\n      IP:2001:DB8:0:0:0:0:0:0/FFFF:FFFF:0:0:0:0:0:0\n',
    );
  });
});
