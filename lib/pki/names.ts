import { isUniversal, oidOf, parseAsn, tagClass, universalChildren, type AsnNode } from './asn';
import { toHex } from './bytes';
import { onelineName, type NameAttributeView } from './name-text';
import { oidShortText } from './oid-names';
import { decodeText } from './strings';

export type { NameAttributeView };

export interface NameView {
  /** One line, like OpenSSL: "C = CH, O = Example, CN = x". Multi-valued RDNs are joined with " + ". */
  text: string;
  attributes: NameAttributeView[];
}

/** String types OpenSSL prints as text in names (others are dumped as DER). */
const printableTags = new Set([12, 18, 19, 20, 22, 23, 24, 26, 28, 30]);

/** A distinguished name (a Name node, see x509.ts) in encoding order, each value as text or "#" and hex. */
export function nameView(name: AsnNode): NameView {
  const rdns = universalChildren(name);
  const attributes = rdns.flatMap((rdn, index) => rdnAttributes(universalChildren(rdn, 17), index));
  return { text: onelineName(attributes, false), attributes };
}

/** A Name given as DER, as found inside general names; throws when it is not one. */
export function nameViewFromDer(der: Uint8Array): NameView {
  return nameView(parseAsn(der));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function valueOfNode(node: AsnNode): { value: string; tag: number } {
  const problem = valueProblem(node);
  if (problem) throw new Error(problem);
  if (node.cls === tagClass.universal && !node.constructed && printableTags.has(node.tag)) {
    return { value: decodeText(node.tag, node.content), tag: node.tag };
  }
  return { value: `#${toHex(node.der).toUpperCase()}`, tag: 0 };
}

/** A value OpenSSL refuses the whole name for; shown with replacement characters, it would hide that. */
function valueProblem({ cls, tag, content }: AsnNode): string | null {
  if (cls !== tagClass.universal) return null;
  if (tag === 12 && !validUtf8(content)) return 'a UTF8String in a name is not valid UTF-8';
  if (tag === 30 && content.length % 2 !== 0) return 'a BMPString in a name has a partial character';
  if (tag === 28 && content.length % 4 !== 0) return 'a UniversalString in a name has a partial character';
  return null;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The attributes of one RDN given as parsed AttributeTypeAndValue nodes (a CRL point's relative name). */
export function rdnAttributes(nodes: readonly AsnNode[], rdn = 0): NameAttributeView[] {
  return nodes.map((node) => {
    const [type, value, ...rest] = universalChildren(node);
    if (!isUniversal(type, 6) || !value || rest.length > 0)
      throw new Error('malformed AttributeTypeAndValue');
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
