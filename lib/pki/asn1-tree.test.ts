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

  it('shows DER held in OCTET and BIT STRINGs as children, and cuts long hex', () => {
    const root = treeOf(fixture('demo-tls-server.pem'));
    const nodes = [...walk(root)];
    expect(nodes.some((n) => n.name === 'OCTET STRING' && n.encapsulates)).toBe(true);
    const long = nodes.find((n) => n.length > hexLimit);
    expect(long?.truncated).toBe(true);
    expect(long?.hex).toHaveLength(hexLimit * 2);
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

function failure(result: ReturnType<typeof asn1Tree>): string {
  return result.ok ? 'decoded' : result.error;
}

function tagClassBits(node: Asn1Node): number {
  return { universal: 0, application: 0x40, context: 0x80, private: 0xc0 }[node.tagClass];
}

function lowTag(node: Asn1Node): number {
  return node.tagNumber < 31 ? node.tagNumber : 0x1f;
}
