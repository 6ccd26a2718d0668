import type { ASN1 } from '@lapo/asn1js';
import { PlainElement } from './asn';
import { toHex } from './bytes';
import { maxDerDepth, scanDer } from './der-scan';
import { oidText } from './oid-names';
import { maxInputBytes } from './pem';
import { asnTags, decodeText, latin1 } from './strings';
import type { Decoded } from './types';

export type Asn1TagClass = 'universal' | 'application' | 'context' | 'private';

/** One ASN.1 element as an ASN.1 viewer shows it: where it is, what tag, and its value when it has one. */
export interface Asn1Node {
  /** Byte offset of the element's first tag octet in the whole input. */
  offset: number;
  headerLength: number;
  /** Length of the contents (after the header). */
  length: number;
  tagClass: Asn1TagClass;
  tagNumber: number;
  constructed: boolean;
  /** SEQUENCE, INTEGER, OBJECT IDENTIFIER, BIT STRING, [0] (context), [APPLICATION 1]… */
  name: string;
  /** The value for people: an OID with its name, an integer, a string's text, a time. */
  value?: string;
  /** The contents in lower-case hex, cut after `hexLimit` bytes (see `truncated`). */
  hex: string;
  truncated: boolean;
  /** DER inside a primitive OCTET or BIT STRING, shown as children of it. */
  encapsulates: boolean;
  children: Asn1Node[];
}

/** Bytes of contents shown as hex per node; long keys and signatures are cut. */
export const hexLimit = 64;

// prettier-ignore
const universalNames: Record<number, string> = {
  1: 'BOOLEAN', 2: 'INTEGER', 3: 'BIT STRING', 4: 'OCTET STRING', 5: 'NULL', 6: 'OBJECT IDENTIFIER',
  7: 'ObjectDescriptor', 8: 'EXTERNAL', 9: 'REAL', 10: 'ENUMERATED', 12: 'UTF8String', 13: 'RELATIVE-OID',
  16: 'SEQUENCE', 17: 'SET', 18: 'NumericString', 19: 'PrintableString', 20: 'T61String',
  21: 'VideotexString', 22: 'IA5String', 23: 'UTCTime', 24: 'GeneralizedTime', 25: 'GraphicString',
  26: 'VisibleString', 27: 'GeneralString', 28: 'UniversalString', 30: 'BMPString',
};
const tagClasses: Asn1TagClass[] = ['universal', 'application', 'context', 'private'];
const textTags = new Set([12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29, 30]);
// TIME, DATE, TIME-OF-DAY, DATE-TIME and DURATION: the tree has always read them as UTF-8 text.
const utf8TimeTags = new Set([14, 31, 32, 33, 34]);
/** Universal types that BER never encodes as constructed: BOOLEAN, INTEGER, NULL, OID, REAL, times… */
const primitiveTags = new Set([1, 2, 5, 6, 9, 13, 14, 23, 24, 31, 32, 33, 34]);
/** Nesting the tree follows into DER found inside strings, which the structural scan does not bound. */
const maxTreeDepth = maxDerDepth * 2;

/**
 * The ASN.1 structure of one DER value, for display. The input is checked against the DER limits
 * (size, depth, node count, lengths; see scanDer) before it is decoded. Never throws.
 */
export function asn1Tree(der: Uint8Array): Decoded<Asn1Node> {
  if (der.length > maxInputBytes)
    return { ok: false, error: `The DER is larger than ${maxInputBytes} bytes` };
  const scan = scanDer(der);
  if (!scan.ok) return { ok: false, error: scan.error };
  try {
    return { ok: true, view: nodeOf(PlainElement.decode(der), der, 0), warnings: [] };
  } catch (error) {
    return { ok: false, error: `Not DER: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Throws when the element cannot be shown; inside a string that only makes the string opaque. */
function nodeOf(element: ASN1, der: Uint8Array, depth: number): Asn1Node {
  if (depth > maxTreeDepth) throw new Error(`ASN.1 nesting deeper than ${maxTreeDepth}`);
  const { tag } = element;
  if (!Number.isSafeInteger(tag.tagNumber)) throw new Error('a tag number is too large');
  if (tag.tagClass === 0) checkForm(tag.tagNumber, tag.tagConstructed);
  const offset = element.posStart();
  const contents = der.subarray(element.posContent(), element.posEnd());
  const tagClass = tagClasses[tag.tagClass] ?? 'universal';
  const universal = tagClass === 'universal';
  const node: Asn1Node = {
    offset,
    headerLength: element.header,
    length: contents.length,
    tagClass,
    tagNumber: tag.tagNumber,
    constructed: tag.tagConstructed,
    name: nameOf(tagClass, tag.tagNumber),
    value: tag.tagConstructed ? undefined : valueOf(element, universal, contents),
    hex: toHex(contents.subarray(0, hexLimit)),
    truncated: contents.length > hexLimit,
    encapsulates: false,
    children: [],
  };
  if (tag.tagConstructed) {
    node.children = (element.sub ?? []).map((child) => nodeOf(child, der, depth + 1));
  } else if (universal && (tag.tagNumber === asnTags.octetString || tag.tagNumber === asnTags.bitString)) {
    node.children = encapsulated(element, der, depth + 1);
    node.encapsulates = node.children.length > 0;
  }
  return node;
}

/** Forms no BER or DER encoding has, refused wherever they appear (inside strings too, which the scan only skims). */
function checkForm(tagNumber: number, constructed: boolean): void {
  if (tagNumber === 0) throw new Error('Type [UNIVERSAL 0] is reserved');
  if (tagNumber === 15 || tagNumber >= 37) throw new Error(`[UNIVERSAL ${tagNumber}] is reserved by ASN.1`);
  if (constructed && primitiveTags.has(tagNumber)) {
    throw new Error('Constructed encoding used for primitive type');
  }
  if (!constructed && (tagNumber === 16 || tagNumber === 17)) {
    throw new Error('a SEQUENCE or SET is encoded as primitive');
  }
}

/** DER the decoder found in a primitive OCTET or BIT STRING: shown when it is one value filling it. */
function encapsulated(element: ASN1, der: Uint8Array, depth: number): Asn1Node[] {
  const [only, ...more] = element.sub ?? [];
  if (!only || more.length > 0) return [];
  try {
    return [nodeOf(only, der, depth)];
  } catch {
    return [];
  }
}

function nameOf(tagClass: Asn1TagClass, tagNumber: number): string {
  if (tagClass === 'context') return `[${tagNumber}]`;
  if (tagClass !== 'universal') return `[${tagClass.toUpperCase()} ${tagNumber}]`;
  return universalNames[tagNumber] ?? `[UNIVERSAL ${tagNumber}]`;
}

function valueOf(element: ASN1, universal: boolean, contents: Uint8Array): string | undefined {
  if (!universal) return printable(contents);
  const { tagNumber } = element.tag;
  switch (tagNumber) {
    case 1:
      return contents.some((b) => b !== 0) ? 'TRUE' : 'FALSE';
    case 2:
    case 10:
      return integerText(contents);
    case asnTags.bitString:
      return bitsText(contents);
    case asnTags.octetString:
      return `${contents.length} byte${contents.length === 1 ? '' : 's'}`;
    case 6:
      return oidValue(element);
    case 23:
    case 24:
      return timeText(tagNumber, latin1(contents));
  }
  if (textTags.has(tagNumber)) return decodeText(tagNumber, contents);
  if (utf8TimeTags.has(tagNumber)) return decodeText(asnTags.utf8String, contents);
  return undefined;
}

function oidValue(element: ASN1): string {
  // parseOID appends the package's own description after a newline; the name shown is ours (oidText).
  const oid =
    element.stream.parseOID(element.posContent(), element.posEnd(), Infinity).split('\n', 1)[0] ?? '';
  if (oid.endsWith('.incomplete')) throw new Error('an OBJECT IDENTIFIER ends inside an arc');
  const name = oidText(oid);
  return name === oid ? oid : `${oid} (${name})`;
}

function bitsText(contents: Uint8Array): string {
  const unused = contents[0] ?? 0;
  if (unused > 7) throw new Error('Unused bits for BitString must be in range 0-7');
  const bits = Math.max(0, (contents.length - 1) * 8 - unused);
  return `${bits} bit${bits === 1 ? '' : 's'}`;
}

const utcTime = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/;
const generalizedTime = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.(\d+))?Z$/;

/** The time as encoded, then as an ISO instant when it has the DER form (UTC, seconds present). */
function timeText(tagNumber: number, text: string): string {
  const match = (tagNumber === 23 ? utcTime : generalizedTime).exec(text);
  if (!match) return text;
  const [, y = '', mo, d, h, mi, s, fraction = ''] = match;
  // RFC 5280: a UTCTime year below 50 is in the 2000s.
  const year = tagNumber === 23 ? Number(y) + (Number(y) < 50 ? 2000 : 1900) : Number(y);
  const ms = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  const instant = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  return `${text} (${new Date(instant).toISOString()})`;
}

/** Implicitly tagged text (a dNSName, a URI) reads as text; anything else stays hex only. */
function printable(contents: Uint8Array): string | undefined {
  if (contents.length === 0 || contents.some((b) => b < 0x20 || b > 0x7e)) return undefined;
  return latin1(contents);
}

/** Small integers in decimal and hex; large ones (keys, serials) by size, their digits being in `hex`. */
function integerText(bytes: Uint8Array): string {
  const hex = toHex(bytes);
  if (bytes.length > 8) return `${bytes.length * 8 - leadingZeroBits(bytes)} bit integer`;
  const value = BigInt.asIntN(bytes.length * 8, BigInt(`0x${hex || '0'}`));
  return `${value} (0x${hex})`;
}

function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}
