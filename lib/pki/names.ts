import type { Name } from '@peculiar/asn1-x509';
import { toHex } from './bytes';
import { nameAttributeNames } from './oids';

export interface NameAttributeView {
  /** OpenSSL's short name (CN, O, OU, C, L, ST, emailAddress…) or the OID when it has none. */
  type: string;
  oid: string;
  value: string;
}

export interface NameView {
  /** One line, like OpenSSL: "C = CH, O = Example, CN = x". Multi-valued RDNs are joined with " + ". */
  text: string;
  attributes: NameAttributeView[];
}

/** A distinguished name in encoding order, each value as text (hex with a leading "#" when not a string). */
export function nameView(name: Name): NameView {
  const rdns = name.map((rdn) =>
    rdn.map((atv): NameAttributeView => {
      const value = atv.value.anyValue ? `#${toHex(atv.value.anyValue)}` : atv.value.toString();
      return { type: nameAttributeNames[atv.type] ?? atv.type, oid: atv.type, value };
    }),
  );
  const text = rdns.map((rdn) => rdn.map((a) => `${a.type} = ${quoteValue(a.value)}`).join(' + ')).join(', ');
  return { text, attributes: rdns.flat() };
}

// OpenSSL's one-line form quotes values that would otherwise read as separators.
function quoteValue(value: string): string {
  return /[,+=;<>"]|^\s|\s$/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
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
