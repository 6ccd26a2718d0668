import { AsnConvert } from '@peculiar/asn1-schema';
import { Name, type AttributeValue } from '@peculiar/asn1-x509';
import { childrenOf, oidOf, parseAsn, tagClass, type AsnNode } from './asn';
import { toHex } from './bytes';
import { onelineName, type NameAttributeView } from './name-text';
import { oidShortText } from './oid-names';
import { asnTags, decodeText } from './strings';

export type { NameAttributeView };

export interface NameView {
  /** One line, like OpenSSL: "C = CH, O = Example, CN = x". Multi-valued RDNs are joined with " + ". */
  text: string;
  attributes: NameAttributeView[];
}

/** String types OpenSSL prints as text in names (others are dumped as DER). */
const printableTags = new Set([12, 18, 19, 20, 22, 23, 24, 26, 28, 30]);

/** A distinguished name in encoding order, each value as text (hex with a leading "#" when not a string). */
export function nameView(name: Name): NameView {
  const attributes = name.flatMap((rdn, index) =>
    rdn.map((atv): NameAttributeView => ({
      type: oidShortText(atv.type),
      oid: atv.type,
      ...valueOf(atv.value),
      rdn: index,
    })),
  );
  return { text: onelineName(attributes, false), attributes };
}

/** A Name given as DER, as found inside general names; throws when it is not one. */
export function nameViewFromDer(der: Uint8Array): NameView {
  return nameView(AsnConvert.parse(der, Name));
}

function valueOf(value: AttributeValue): { value: string; tag: number } {
  const direct: [
    'utf8String' | 'printableString' | 'teletexString' | 'ia5String' | 'bmpString' | 'universalString',
    number,
  ][] = [
    ['utf8String', asnTags.utf8String],
    ['printableString', asnTags.printableString],
    ['teletexString', asnTags.teletexString],
    ['ia5String', asnTags.ia5String],
    ['bmpString', asnTags.bmpString],
    ['universalString', asnTags.universalString],
  ];
  for (const [field, tag] of direct) {
    const text = value[field];
    if (typeof text === 'string') return { value: text, tag };
  }
  const der = new Uint8Array(value.anyValue ?? new ArrayBuffer(0));
  try {
    return valueOfNode(parseAsn(der));
  } catch {
    return { value: `#${toHex(der).toUpperCase()}`, tag: 0 };
  }
}

function valueOfNode(node: AsnNode): { value: string; tag: number } {
  if (node.cls === tagClass.universal && !node.constructed && printableTags.has(node.tag)) {
    return { value: decodeText(node.tag, node.content), tag: node.tag };
  }
  return { value: `#${toHex(node.der).toUpperCase()}`, tag: 0 };
}

/** The attributes of one RDN given as parsed AttributeTypeAndValue nodes (a CRL point's relative name). */
export function rdnAttributes(nodes: readonly AsnNode[], rdn = 0): NameAttributeView[] {
  return nodes.map((node) => {
    const [type, value, ...rest] = childrenOf(node);
    if (!value || rest.length > 0) throw new Error('malformed AttributeTypeAndValue');
    const oid = oidOf(type);
    return { type: oidShortText(oid), oid, ...valueOfNode(value), rdn };
  });
}

/** The first CN, which is what certificate tooling treats as "the" common name. */
export function commonNameOf(view: NameView): string | null {
  return view.attributes.find((a) => a.oid === '2.5.4.3')?.value ?? null;
}

/**
 * RFC 5280 §7.1 name matching, simplified: same attribute types in the same order, values equal after
 * trimming, collapsing inner whitespace and ignoring case. String encodings (Printable vs UTF8) do not matter.
 */
export function sameName(a: NameView, b: NameView): boolean {
  if (a.attributes.length !== b.attributes.length) return false;
  const fold = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();
  return a.attributes.every((attr, i) => {
    const other = b.attributes[i];
    return other !== undefined && attr.oid === other.oid && fold(attr.value) === fold(other.value);
  });
}
