import {
  BaseBlock,
  BaseStringBlock,
  BitString,
  Boolean as AsnBoolean,
  fromBER,
  GeneralizedTime,
  Integer,
  ObjectIdentifier,
  OctetString,
  UTCTime,
} from 'asn1js';
import { toHex } from './bytes';
import { maxDerDepth, maxDerNodes, scanDer } from './der-scan';
import { oidText } from './oid-names';
import { maxInputBytes } from './pem';
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

/**
 * The ASN.1 structure of one DER value, for display. The input is checked against the DER limits
 * (size, depth, node count, lengths; see scanDer) before asn1js parses it. Never throws.
 */
export function asn1Tree(der: Uint8Array): Decoded<Asn1Node> {
  if (der.length > maxInputBytes)
    return { ok: false, error: `The DER is larger than ${maxInputBytes} bytes` };
  const scan = scanDer(der);
  if (!scan.ok) return { ok: false, error: scan.error };
  try {
    const parsed = fromBER(der, { maxDepth: maxDerDepth * 2, maxNodes: maxDerNodes * 2 });
    if (parsed.offset === -1) return { ok: false, error: `Not DER: ${parsed.result.error || 'unreadable'}` };
    return { ok: true, view: nodeOf(parsed.result, 0), warnings: [] };
  } catch (error) {
    return { ok: false, error: `Not DER: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function nodeOf(block: BaseBlock, offset: number): Asn1Node {
  const { idBlock, lenBlock } = block;
  const headerLength = idBlock.blockLength + lenBlock.blockLength;
  const contents = block.valueBeforeDecodeView.subarray(headerLength);
  const tagClass = tagClasses[idBlock.tagClass - 1] ?? 'universal';
  const node: Asn1Node = {
    offset,
    headerLength,
    length: contents.length,
    tagClass,
    tagNumber: idBlock.tagNumber,
    constructed: idBlock.isConstructed,
    name: nameOf(tagClass, idBlock.tagNumber),
    value: valueOf(block, contents),
    hex: toHex(contents.subarray(0, hexLimit)),
    truncated: contents.length > hexLimit,
    encapsulates: false,
    children: [],
  };
  const inner = innerBlocks(block);
  // A primitive string's first content octet: BIT STRING's unused-bits count comes before any DER in it.
  let childOffset = offset + headerLength + (!node.constructed && block instanceof BitString ? 1 : 0);
  for (const child of inner) {
    node.children.push(nodeOf(child, childOffset));
    childOffset += child.valueBeforeDecodeView.length;
  }
  node.encapsulates = !node.constructed && node.children.length > 0;
  return node;
}

function innerBlocks(block: BaseBlock): BaseBlock[] {
  const value: unknown = (block.valueBlock as { value?: unknown }).value;
  return Array.isArray(value) ? value.filter((v): v is BaseBlock => v instanceof BaseBlock) : [];
}

function nameOf(tagClass: Asn1TagClass, tagNumber: number): string {
  if (tagClass === 'context') return `[${tagNumber}]`;
  if (tagClass !== 'universal') return `[${tagClass.toUpperCase()} ${tagNumber}]`;
  return universalNames[tagNumber] ?? `[UNIVERSAL ${tagNumber}]`;
}

function valueOf(block: BaseBlock, contents: Uint8Array): string | undefined {
  if (block.idBlock.tagClass !== 1) return block.idBlock.isConstructed ? undefined : printable(contents);
  if (block instanceof ObjectIdentifier) {
    const oid = block.getValue();
    const name = oidText(oid);
    return name === oid ? oid : `${oid} (${name})`;
  }
  if (block instanceof AsnBoolean) return block.getValue() ? 'TRUE' : 'FALSE';
  if (block instanceof Integer) return integerText(block.valueBlock.valueHexView);
  if (block instanceof UTCTime || block instanceof GeneralizedTime) {
    return `${block.toString('iso')} (${block.toDate().toISOString()})`;
  }
  if (block instanceof BaseStringBlock) return block.getValue();
  if (block instanceof BitString && !block.idBlock.isConstructed) {
    const bits = block.valueBlock.valueHexView.length * 8 - block.valueBlock.unusedBits;
    return `${bits} bit${bits === 1 ? '' : 's'}`;
  }
  if (block instanceof OctetString && !block.idBlock.isConstructed) {
    const bytes = block.valueBlock.valueHexView.length;
    return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  }
  return undefined;
}

/** Implicitly tagged text (a dNSName, a URI) reads as text; anything else stays hex only. */
function printable(contents: Uint8Array): string | undefined {
  if (contents.length === 0 || contents.some((b) => b < 0x20 || b > 0x7e)) return undefined;
  return String.fromCharCode(...contents);
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
