import { CertificationRequest } from '@peculiar/asn1-csr';
import { AsnConvert } from '@peculiar/asn1-schema';
import { parseAsn, type AsnNode } from '../asn';

// Byte-level builders for the malformed corpus: DER written by hand on purpose, to be wrong in one way.

export const bytes = (...values: number[]) => Uint8Array.from(values);
const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));

/** DER TLV with a minimal definite length. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const header = [tag, ...lengthOctets(content.length)];
  const out = new Uint8Array(header.length + content.length);
  out.set(header);
  out.set(content, header.length);
  return out;
}

/**
 * A copy of `der` where `change` has altered, in place, the value at `path` (child indexes from the outermost
 * value): one tag or content octet, so that every length stays right.
 */
export function patched(der: Uint8Array, path: number[], change: (node: AsnNode) => void): Uint8Array {
  const copy = Uint8Array.from(der);
  const node = path.reduce<AsnNode | undefined>((parent, index) => parent?.children[index], parseAsn(copy));
  if (!node) throw new Error(`no value at ${path.join('.')}`);
  change(node);
  return copy;
}

/** `depth` nested definite-length values around a NULL, built in one pass (no quadratic copying). */
export function nestedDer(depth: number, tag = 0x30): Uint8Array {
  const headers: number[][] = [];
  let length = 2;
  for (let i = 0; i < depth; i++) {
    const header = [tag, ...lengthOctets(length)];
    headers.push(header);
    length += header.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (let i = headers.length - 1; i >= 0; i--) {
    out.set(headers[i] ?? [], at);
    at += headers[i]?.length ?? 0;
  }
  out.set([0x05, 0x00], at);
  return out;
}

function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n];
  const octets: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) octets.unshift(v & 0xff);
  return [0x80 | octets.length, ...octets];
}

/** A SEQUENCE holding the OID 1.2.<arc>. */
/** Base-128 groups of one OID arc, high bit set on all but the last. */
function arcOctets(arc: bigint): number[] {
  const groups: number[] = [];
  for (let v = arc; ; v >>= 7n) {
    groups.unshift(Number(v & 0x7fn) | (groups.length ? 0x80 : 0));
    if (v < 0x80n) break;
  }
  return groups;
}

/** An OBJECT IDENTIFIER's DER from its dotted form, arcs of any size. */
export function oidDer(dotted: string): Uint8Array {
  const [first = 0n, second = 0n, ...rest] = dotted.split('.').map(BigInt);
  return tlv(0x06, bytes(...[first * 40n + second, ...rest].flatMap(arcOctets)));
}

export const oidArc = (arc: bigint) => tlv(0x30, tlv(0x06, bytes(0x2a, ...arcOctets(arc))));

export function reencode(der: Uint8Array, change: (request: CertificationRequest) => void): Uint8Array {
  const request = AsnConvert.parse(der, CertificationRequest);
  change(request);
  return new Uint8Array(AsnConvert.serialize(request));
}

export function flip(der: Uint8Array, at: number): Uint8Array {
  const copy = der.slice();
  copy[at] = (copy[at] ?? 0) ^ 1;
  return copy;
}

/** The extensionRequest value re-tagged from SEQUENCE to SET: still DER, no longer Extensions. */
export function extensionsAsSet(der: Uint8Array): Uint8Array {
  const oid = hex('06092a864886f70d01090e');
  const at = der.findIndex((_, i) => oid.every((b, j) => der[i + j] === b));
  const copy = der.slice();
  const set = at + oid.length;
  const length = copy[set + 1] ?? 0;
  copy[set + 2 + (length & 0x80 ? length & 0x7f : 0)] = 0x31;
  return copy;
}
