import { parseAsn, tagClass } from './asn';
import { toHex } from './bytes';
import { readHeader } from './der-header';
import { oidText } from './oid-names';
import { decodeText } from './strings';
import type { Attribute } from './x509';

export interface CsrAttributeView {
  oid: string;
  /** OpenSSL's name (challengePassword, unstructuredName, Extension Request…) or the OID. */
  name: string;
  values: CsrAttributeValueView[];
}

export interface CsrAttributeValueView {
  /** Universal tag of a primitive value (19 PrintableString, 12 UTF8String…); 0 otherwise. */
  tag: number;
  /** The text of a string value, else null. */
  text: string | null;
  /** The value's DER, lower-case hex. */
  hex: string;
}

const stringTags = new Set([12, 18, 19, 20, 22, 26, 28, 30]);

export function csrAttributeView(attribute: Attribute): CsrAttributeView {
  return {
    oid: attribute.oid,
    name: oidText(attribute.oid),
    values: attribute.values.map((der) => ({ ...tagAndText(der), hex: toHex(der) })),
  };
}

function tagAndText(der: Uint8Array): Pick<CsrAttributeValueView, 'tag' | 'text'> {
  // A constructed value (the extension request) shows as tag 0 without text, readable or not: only its
  // header is read, where parsing it would build a tree of everything it holds, only to drop it.
  const header = readHeader(der, 0, der.length);
  if (typeof header !== 'string' && header.constructed) return { tag: 0, text: null };
  try {
    const node = parseAsn(der);
    const primitive = node.cls === tagClass.universal && !node.constructed;
    const text = primitive && stringTags.has(node.tag) ? decodeText(node.tag, node.content) : null;
    return { tag: primitive ? node.tag : 0, text };
  } catch {
    return { tag: 0, text: null };
  }
}
