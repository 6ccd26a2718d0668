import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asn1Tree, hexLimit, type Asn1Node } from './asn1-tree';
import { readPemOrDer } from './pem';

const fixture = (name: string) => {
  const read = readPemOrDer(readFileSync(new URL(`../../mocks/fixtures/${name}`, import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(read.error);
  return read.der;
};

function* walk(node: Asn1Node): Generator<Asn1Node> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

function treeOf(der: Uint8Array): Asn1Node {
  const tree = asn1Tree(der);
  if (!tree.ok) throw new Error(tree.error);
  return tree.view;
}

describe('asn1Tree', () => {
  it('lays out a certificate with offsets, headers and lengths that add up', () => {
    const der = fixture('demo-tls-server.pem');
    const root = treeOf(der);
    expect(root).toMatchObject({ offset: 0, name: 'SEQUENCE', constructed: true, tagClass: 'universal' });
    expect(root.headerLength + root.length).toBe(der.length);
    for (const node of walk(root)) {
      // Every node's header is where its offset says, in the input itself.
      expect(der[node.offset]).toBe((node.constructed ? 0x20 : 0) | tagClassBits(node) | lowTag(node));
      const contentStart = node.offset + node.headerLength + (node.name === 'BIT STRING' ? 1 : 0);
      if (node.children.length > 0) expect(node.children[0]?.offset).toBe(contentStart);
      const last = node.children[node.children.length - 1];
      if (last)
        expect(last.offset + last.headerLength + last.length).toBe(
          node.offset + node.headerLength + node.length,
        );
    }
  });

  it('names tags, OIDs, integers, strings and times', () => {
    const root = treeOf(fixture('demo-tls-server.pem'));
    const nodes = [...walk(root)];
    const tbs = root.children[0];
    expect(tbs?.children[0]).toMatchObject({ name: '[0]', tagClass: 'context', tagNumber: 0 });
    expect(tbs?.children[0]?.children[0]).toMatchObject({ name: 'INTEGER', value: '2 (0x02)' });
    expect(nodes.some((n) => n.value?.includes('(X509v3 Subject Alternative Name)'))).toBe(true);
    expect(nodes.some((n) => n.name === 'UTCTime' && /^\d{12}Z \(\d{4}-/.test(n.value ?? ''))).toBe(true);
    expect(nodes.some((n) => n.name === 'PrintableString' || n.name === 'UTF8String')).toBe(true);
  });

  it('reads values itself: times with their instant, OIDs by our names only, flags and sizes', () => {
    const nodes = [...walk(treeOf(fixture('demo-tls-server.pem')))];
    expect(nodes.find((n) => n.offset === 120)).toMatchObject({
      name: 'UTCTime',
      value: '261128103823Z (2026-11-28T10:38:23.000Z)',
    });
    // The decoder's own table calls this OID subjectIdentityValidated, after a newline.
    expect(nodes.find((n) => n.value?.startsWith('2.23.140.1.2.2'))?.value).toBe('2.23.140.1.2.2');
    expect(nodes.some((n) => n.value?.includes('\n'))).toBe(false);
    expect(nodes.find((n) => n.name === 'BOOLEAN')?.value).toBe('TRUE');
    expect(nodes.find((n) => n.tagClass === 'context' && n.tagNumber === 2)?.value).toBe(
      'certdesk.example.com',
    );
    expect(nodes.find((n) => n.tagClass === 'context' && n.tagNumber === 7)?.value).toBeUndefined();
    expect(nodes.find((n) => n.name === 'BIT STRING')?.value).toBe('2160 bits');
    expect(nodes.find((n) => n.name === 'OCTET STRING')?.value).toBe('2 bytes');
  });

  it('reads the time and string forms a DER value can hold', () => {
    const root = treeOf(
      tlv(
        0x30,
        tlv(0x18, ascii('20251231235959.5Z')),
        tlv(0x17, ascii('491231235959Z')),
        tlv(0x17, ascii('2501010000Z')),
        tlv(0x1e, Uint8Array.of(0x00, 0x5a, 0x00, 0xfc)),
        tlv(0x0c, new TextEncoder().encode('Zürich')),
        tlv(0x0a, Uint8Array.of(0x01)),
      ),
    );
    expect(root.children.map((n) => n.value)).toEqual([
      '20251231235959.5Z (2025-12-31T23:59:59.500Z)',
      '491231235959Z (2049-12-31T23:59:59.000Z)',
      '2501010000Z',
      'Zü',
      'Zürich',
      '1 (0x01)',
    ]);
  });

  it('shows DER held in OCTET and BIT STRINGs as children, and cuts long hex', () => {
    const root = treeOf(fixture('demo-tls-server.pem'));
    const nodes = [...walk(root)];
    expect(nodes.some((n) => n.name === 'OCTET STRING' && n.encapsulates)).toBe(true);
    const long = nodes.find((n) => n.length > hexLimit);
    expect(long?.truncated).toBe(true);
    expect(long?.hex).toHaveLength(hexLimit * 2);
  });

  it('shows one value filling a string, whatever its text, and nothing else', () => {
    const key = [...walk(treeOf(fixture('demo-tls-server.pem')))].find((n) => n.name === 'BIT STRING');
    // The RSA key's SEQUENCE starts after the BIT STRING's four header octets and its unused-bits octet.
    expect(key).toMatchObject({ offset: 320, headerLength: 4, encapsulates: true });
    expect(key?.children[0]).toMatchObject({ name: 'SEQUENCE', offset: 325 });
    const holds = (inner: Uint8Array, tag = 0x04) => treeOf(tlv(0x30, tlv(tag, inner))).children[0];
    expect(holds(tlv(0x0c, Uint8Array.of(0x41, 0xff)))?.children[0]).toMatchObject({
      name: 'UTF8String',
      value: 'A\ufffd',
      offset: 4,
    });
    expect(holds(tlv(0x17, ascii('bad')))?.children[0]?.value).toBe('bad');
    expect(holds(Uint8Array.of(0x02, 0x01, 0x01, 0x02, 0x01, 0x02))?.encapsulates).toBe(false);
    expect(holds(Uint8Array.of(0x01, 0x02, 0x01, 0x01), 0x03)?.encapsulates).toBe(false);
    expect(holds(Uint8Array.of(0x22, 0x03, 0x02, 0x01, 0x01))?.encapsulates).toBe(false);
    expect(holds(tlv(0x30, Uint8Array.of(0x00, 0x00)))?.encapsulates).toBe(false);
  });

  it('follows DER inside strings no deeper than twice the scan limit', () => {
    // The non-minimal INTEGER makes the scan stop checking the string, where the decoder carries on.
    let inner: Uint8Array = Uint8Array.of(0x05, 0x00);
    for (let i = 0; i < 100; i++) inner = tlv(0x04, inner);
    const root = treeOf(tlv(0x30, tlv(0x04, tlv(0x30, Uint8Array.of(0x02, 0x02, 0x00, 0x01), inner))));
    const depths = [...walkDepth(root, 0)];
    expect(Math.max(...depths)).toBe(64);
  });

  it('refuses types no encoding makes constructed, and the reserved tag 0', () => {
    expect(failure(asn1Tree(Uint8Array.of(0x30, 0x05, 0x22, 0x03, 0x02, 0x01, 0x01)))).toMatch(/^Not DER/);
    expect(failure(asn1Tree(Uint8Array.of(0x30, 0x03, 0x00, 0x01, 0x00)))).toMatch(
      /reserved universal tag 0/,
    );
  });

  it('refuses what breaks the DER limits, without throwing', () => {
    let deep = Uint8Array.of(0x05, 0x00);
    for (let i = 0; i < 40; i++) deep = Uint8Array.of(0x30, deep.length, ...deep);
    expect(failure(asn1Tree(deep))).toMatch(/deeper/);
    expect(asn1Tree(Uint8Array.of(0x30, 0x80, 0x00, 0x00)).ok).toBe(false);
    expect(asn1Tree(Uint8Array.of(0x30, 0x05, 0x02))).toMatchObject({ ok: false });
    expect(asn1Tree(new Uint8Array(0))).toMatchObject({ ok: false });
    expect(failure(asn1Tree(new Uint8Array(20_000)))).toMatch(/larger/);
  });
});

function* walkDepth(node: Asn1Node, depth: number): Generator<number> {
  yield depth;
  for (const child of node.children) yield* walkDepth(child, depth + 1);
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const header = length < 0x80 ? [tag, length] : [tag, 0x82, length >> 8, length & 0xff];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let at = header.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function failure(result: ReturnType<typeof asn1Tree>): string {
  return result.ok ? 'decoded' : result.error;
}

function tagClassBits(node: Asn1Node): number {
  return { universal: 0, application: 0x40, context: 0x80, private: 0xc0 }[node.tagClass];
}

function lowTag(node: Asn1Node): number {
  return node.tagNumber < 31 ? node.tagNumber : 0x1f;
}
