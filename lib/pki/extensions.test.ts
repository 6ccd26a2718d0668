import { readdirSync, readFileSync } from 'node:fs';
import { BasicConstraints } from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { extensionParsers } from './extension-parsers';
import { decodeExtensions } from './extensions';
import { decodeOne, extension, tlv } from './ext/spec-support';

describe('the extension registry', () => {
  it('has a spec naming every registered OID (ext/*.test.ts, one describe per parser)', () => {
    const specs = readdirSync('lib/pki/ext')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(`lib/pki/ext/${f}`, 'utf8'))
      .join('\n');
    const arcs = (oid: string) => [oid, oid.replace(/^(.*)\.(\d+)$/, '$1.')];
    for (const oid of Object.keys(extensionParsers)) {
      const [full = '', parent = ''] = arcs(oid);
      const covered =
        specs.includes(`(${full})`) ||
        specs.includes(`(${full},`) ||
        new RegExp(`\\(${parent.replace(/\./g, '\\.')}[0-9, .]*${oid.split('.').pop()}[,)]`).test(specs);
      expect(covered, oid).toBe(true);
    }
  });
});

describe('decodeExtensions fallbacks', () => {
  it('shows an unknown extension by OID and hex, without a warning', () => {
    const { view, decoded, openssl } = decodeOne('1.2.3.4.5', '0402cafe', true);
    expect(view).toEqual({
      oid: '1.2.3.4.5',
      name: '1.2.3.4.5',
      critical: true,
      lines: ['04:02:CA:FE'],
      value: { kind: 'unknown' },
      hex: '0402cafe',
      error: null,
    });
    expect(decoded.warnings).toEqual([]);
    expect(openssl).toBe('1.2.3.4.5: critical\n    ....\n');
  });

  it('shows a known extension that does not parse as hex, with a warning and the reason', () => {
    const { view, decoded } = decodeOne('2.5.29.15', '0500');
    expect(view).toEqual({
      oid: '2.5.29.15',
      name: 'X509v3 Key Usage',
      critical: false,
      lines: ['05:00'],
      value: { kind: 'unknown' },
      hex: '0500',
      error: 'expected a BIT STRING',
    });
    expect(decoded.keyUsage).toBeNull();
    expect(decoded.warnings).toEqual(['X509v3 Key Usage could not be parsed; its raw bytes are shown']);
  });

  it('refuses a value nested beyond the depth limit without recursing', () => {
    let nested = '0500';
    for (let depth = 0; depth < 40; depth++) nested = tlv('30', nested);
    const { view } = decodeOne('2.5.29.17', nested);
    expect(view.error).toBe('ASN.1 nesting deeper than 32');
  });

  it('warns about a repeated extension', () => {
    const bc = extension('2.5.29.19', new BasicConstraints());
    expect(decodeExtensions([bc, bc]).warnings).toEqual([
      'X509v3 Basic Constraints appears more than once (RFC 5280 forbids it)',
    ]);
  });
});
