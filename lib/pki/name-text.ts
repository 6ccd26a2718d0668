import { encodeText } from './strings';

// Distinguished names as OpenSSL writes them. The one-line form is X509_NAME_print_ex with XN_FLAG_ONELINE
// (RFC 2253 escapes, quotes instead of backslashes where allowed, "\XX" for control and, in OpenSSL's own
// output, non-ASCII octets); the slash form is X509_NAME_oneline, used for directory names in some extensions.

export interface NameAttributeView {
  /** OpenSSL's short name (CN, O, OU, C, L, ST, emailAddress…) or the OID when it has none. */
  type: string;
  oid: string;
  /** The text; a value that is not a string is "#" and its DER in upper-case hex, as OpenSSL shows it. */
  value: string;
  /** Universal tag of the value's string type (12 UTF8String, 19 PrintableString…); 0 when not a string. */
  tag: number;
  /** Index of the RDN it belongs to: attributes sharing one form a multi-valued RDN. */
  rdn: number;
}

const hex2 = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
const quoted = new Set([',', '+', '<', '>', ';']);

/** "C = CH, O = \"Example, Inc.\", CN = x"; `escapeMsb` escapes every non-ASCII octet like OpenSSL does. */
export function onelineName(attributes: readonly NameAttributeView[], escapeMsb: boolean): string {
  let text = '';
  attributes.forEach((attribute, i) => {
    if (i > 0) text += attributes[i - 1]?.rdn === attribute.rdn ? ' + ' : ', ';
    text += `${attribute.type} = ${escapeValue(attribute, escapeMsb)}`;
  });
  return text;
}

/** Printable ASCII that needs neither quotes nor escapes: most values, returned as they are. */
const plainValue = /^(?![ #])[\x20\x21\x23-\x2a\x2d-\x3a\x3d\x3f-\x5b\x5d-\x7e]*$(?<! )/;

function escapeValue(attribute: NameAttributeView, escapeMsb: boolean): string {
  if (attribute.tag === 0 || plainValue.test(attribute.value)) return attribute.value;
  const units = escapeMsb ? utf8Octets(attribute) : Array.from(attribute.value, (c) => c.codePointAt(0) ?? 0);
  let quotes = false;
  let out = '';
  units.forEach((c, i) => {
    const edge = (i === 0 && (c === 0x20 || c === 0x23)) || (i === units.length - 1 && c === 0x20);
    const ch = String.fromCodePoint(c);
    if (c > 0x7f) out += escapeMsb ? `\\${hex2(c)}` : ch;
    else if (quoted.has(ch) || edge) {
      quotes = true;
      out += ch;
    } else if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += `\\${hex2(c)}`;
    else out += ch;
  });
  return quotes ? `"${out}"` : out;
}

/** The octets OpenSSL escapes: UTF8String as stored, every other type converted to UTF-8. */
function utf8Octets(attribute: NameAttributeView): number[] {
  if (attribute.tag === 12) return [...encodeText({ tag: 12, text: attribute.value })];
  const codes: number[] = [];
  if (attribute.tag === 30) {
    for (let i = 0; i < attribute.value.length; i++) codes.push(attribute.value.charCodeAt(i));
  } else {
    for (const c of attribute.value) codes.push(c.codePointAt(0) ?? 0);
  }
  return codes.flatMap((code) => [...utf8Of(code)]);
}

function utf8Of(code: number): Uint8Array {
  if (code < 0x80) return Uint8Array.of(code);
  if (code < 0x800) return Uint8Array.of(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
  if (code < 0x10000) {
    return Uint8Array.of(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return new TextEncoder().encode(String.fromCodePoint(code));
}

/** "/C=CH/O=Example+OU=x" within OpenSSL's 255-character buffer: an entry that does not fit ends the name. */
export function slashName(attributes: readonly NameAttributeView[]): string {
  let text = '';
  for (const [i, attribute] of attributes.entries()) {
    const separator = i > 0 && attributes[i - 1]?.rdn === attribute.rdn ? '+' : '/';
    let value = '';
    const octets =
      attribute.tag === 0
        ? [...new TextEncoder().encode(attribute.value)]
        : [...encodeText({ tag: attribute.tag, text: attribute.value })];
    for (const b of octets) {
      if (b < 0x20 || b > 0x7e) value += `\\x${hex2(b)}`;
      else value += b === 0x2f || b === 0x2b ? `\\${String.fromCharCode(b)}` : String.fromCharCode(b);
    }
    const entry = `${separator}${attribute.type}=${value}`;
    if (text.length + entry.length > 255) break;
    text += entry;
  }
  return text;
}
