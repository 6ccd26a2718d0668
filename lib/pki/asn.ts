import { ASN1, Stream } from '@lapo/asn1js';
import { scanDer } from './der-scan';
import { decodeText, latin1, type AsnText } from './strings';

// A small read-only tree over @lapo/asn1js's decoding: tag, class, exact contents and children. The readers
// below and in x509.ts take certificates, requests and extensions apart over it.

export const tagClass = { universal: 1, application: 2, context: 3, private: 4 } as const;

export interface AsnNode {
  cls: number;
  tag: number;
  constructed: boolean;
  /** The whole encoding, header included. */
  der: Uint8Array;
  /** Contents octets (for a constructed node, the children's encodings). */
  content: Uint8Array;
  children: AsnNode[];
}

/** Parses one DER value after the structural scan; throws an Error whose message is the reason. */
export function parseAsn(input: ArrayBuffer | Uint8Array): AsnNode {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const scan = scanDer(bytes);
  if (!scan.ok) throw new Error(scan.error);
  return decodeScanned(bytes);
}

/** The tree of DER that scanDer has accepted, without scanning it again. */
export function decodeScanned(bytes: Uint8Array): AsnNode {
  return toNode(PlainElement.decode(bytes), bytes);
}

/**
 * ASN1.decode keeps DER found in a string only when the preview (content()) of each value in it parses, so a
 * UTF8String with a bad byte or a malformed time would leave the string opaque, and the previews re-read the
 * contents at every level, which is quadratic on nested strings. lib/pki reads values itself, so its
 * elements have none; decode hands the class down to the children through `type.decode`.
 */
export class PlainElement extends ASN1 {
  static override decode(stream: ArrayLike<number> | Stream, offset?: number): ASN1 {
    return ASN1.decode(stream, offset, PlainElement);
  }

  override content(): null {
    return null;
  }
}

function toNode(element: ASN1, bytes: Uint8Array): AsnNode {
  const { tag, sub } = element;
  const start = element.stream.pos;
  const contentStart = start + element.header;
  const end = contentStart + element.length;
  const children: AsnNode[] = [];
  // Only constructed values have children here: DER the decoder found inside a string is read on demand.
  if (tag.tagConstructed && sub) for (const child of sub) children.push(toNode(child, bytes));
  return {
    cls: tag.tagClass + 1,
    tag: tag.tagNumber,
    constructed: tag.tagConstructed,
    der: view(bytes, start, end),
    content: view(bytes, contentStart, end),
    children,
  };
}

/** bytes.subarray(start, end) without its species lookup, which dominates building the tree. */
function view(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start);
}

export function isUniversal(node: AsnNode | undefined, tag: number): node is AsnNode {
  return node !== undefined && node.cls === tagClass.universal && node.tag === tag;
}

export function isContext(node: AsnNode | undefined, tag: number): node is AsnNode {
  return node !== undefined && node.cls === tagClass.context && node.tag === tag;
}

/** The node's children, failing when it is not a constructed node of the expected universal tag. */
export function childrenOf(node: AsnNode | undefined, tag = 16): AsnNode[] {
  if (!node || !node.constructed || (node.cls === tagClass.universal && node.tag !== tag)) {
    throw new Error(`expected a constructed ${tag === 17 ? 'SET' : 'SEQUENCE'}`);
  }
  return node.children;
}

/** The dotted form of an OBJECT IDENTIFIER, universal or implicitly tagged. */
export function oidOf(node: AsnNode | undefined): string {
  if (!node || node.constructed || node.content.length === 0)
    throw new Error('expected an OBJECT IDENTIFIER');
  const key = latin1(node.content);
  const known = dottedOids.get(key);
  if (known !== undefined) return known;
  const dotted =
    new Stream(node.content, 0).parseOID(0, node.content.length, Infinity).split('\n', 1)[0] ?? '';
  if (dotted.endsWith('.incomplete')) throw new Error('malformed OBJECT IDENTIFIER');
  if (dottedOids.size < 4096) dottedOids.set(key, dotted);
  return dotted;
}

// The same few hundred OIDs recur in every certificate; each arc is read with BigInt arithmetic, exact but slow.
const dottedOids = new Map<string, string>();

/** A character string; `tag` overrides the node's own for implicitly tagged strings. */
export function textOf(node: AsnNode | undefined, tag?: number): AsnText {
  if (!node || node.constructed) throw new Error('expected a string');
  const stringTag = tag ?? node.tag;
  return { tag: stringTag, text: decodeText(stringTag, node.content) };
}

export function integerOf(node: AsnNode | undefined): bigint {
  if (!node || node.constructed || node.content.length === 0) throw new Error('expected an INTEGER');
  let value = 0n;
  for (const b of node.content) value = (value << 8n) | BigInt(b);
  if ((node.content[0] ?? 0) & 0x80) value -= 1n << BigInt(node.content.length * 8);
  return value;
}

/** BIT STRING contents without the unused-bits octet; bit 0 is the most significant bit of the first octet. */
export function bitsOf(node: AsnNode | undefined): { bytes: Uint8Array; bit: (n: number) => boolean } {
  if (!node || node.constructed || node.content.length === 0) throw new Error('expected a BIT STRING');
  if ((node.content[0] ?? 0) > 7) throw new Error('a BIT STRING declares more than 7 unused bits');
  const bytes = node.content.subarray(1);
  return { bytes, bit: (n) => (((bytes[n >> 3] ?? 0) >> (7 - (n & 7))) & 1) === 1 };
}

/** A GeneralizedTime ("YYYYMMDDHHMMSS[.f]Z", universal or implicitly tagged) as an ISO 8601 instant. */
export function generalizedTimeOf(node: AsnNode | undefined): string {
  if (!node || node.constructed) throw new Error('expected a GeneralizedTime');
  const text = latin1(node.content);
  const match = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.(\d+))?Z$/.exec(text);
  if (!match) throw new Error(`malformed GeneralizedTime ${quoted(text)}`);
  const [, y, mo, d, h, mi, s, fraction = ''] = match;
  const ms = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
  if (Number.isNaN(date.getTime())) throw new Error(`invalid GeneralizedTime ${quoted(text)}`);
  return date.toISOString();
}

/** Text for a reason, quoted, with anything but printable ASCII as \xHH so that the odd octet shows. */
export function quoted(text: string): string {
  const escaped = text.replace(/[^\x20-\x7e]|["\\]/g, (c) =>
    /["\\]/.test(c) ? `\\${c}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${escaped}"`;
}

/** A BOOLEAN's value. */
export function booleanOf(node: AsnNode | undefined): boolean {
  if (!isUniversal(node, 1) || node.content.length !== 1) throw new Error('expected a BOOLEAN');
  return node.content[0] !== 0;
}

/** The children of a universal SEQUENCE (16) or SET (17): not of an implicitly tagged one. */
export function universalChildren(node: AsnNode | undefined, tag: 16 | 17 = 16): AsnNode[] {
  if (!isUniversal(node, tag) || !node.constructed)
    throw new Error(`expected a ${tag === 17 ? 'SET' : 'SEQUENCE'}`);
  return node.children;
}

/** Children of an implicitly tagged SEQUENCE or SET. */
export function taggedChildren(node: AsnNode | undefined): AsnNode[] {
  if (!node || !node.constructed) throw new Error('expected a constructed value');
  return node.children;
}
