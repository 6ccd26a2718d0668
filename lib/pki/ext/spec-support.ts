import { AsnConvert } from '@peculiar/asn1-schema';
import { decodeExtensions, type ExtensionView } from '../extensions';
import { extensionText } from '../render/extensions';
import type { Extension } from '../x509';

// Builders for the extension parser specs: a value as an ASN.1 object or hex, decoded through the registry.

export function hex(text: string): ArrayBuffer {
  const clean = text.replace(/[\s:]/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16)).buffer;
}

/** DER TLV from a tag and hex contents, for values too odd to build with the schema classes. */
export function tlv(tag: string, ...contents: string[]): string {
  const body = contents.join('');
  const length = body.length / 2;
  if (length < 0x80) return `${tag}${length.toString(16).padStart(2, '0')}${body}`;
  const octets = length.toString(16).padStart(length > 0xff ? 4 : 2, '0');
  return `${tag}${(0x80 + octets.length / 2).toString(16)}${octets}${body}`;
}

export const ascii = (text: string) => Buffer.from(text, 'utf8').toString('hex');

export function extension(oid: string, value: object | ArrayBuffer | string, critical = false): Extension {
  const bytes =
    typeof value === 'string'
      ? hex(value)
      : value instanceof ArrayBuffer
        ? value
        : AsnConvert.serialize(value);
  return { oid, critical, value: new Uint8Array(bytes) };
}

/** Decodes one extension; the warnings come along for the fallback specs. */
export function decodeOne(oid: string, value: object | ArrayBuffer | string, critical = false) {
  const decoded = decodeExtensions([extension(oid, value, critical)]);
  const view = decoded.views[0] as ExtensionView;
  return { view, decoded, openssl: extensionText(view, 0) };
}
