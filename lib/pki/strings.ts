// ASN.1 character strings as the views carry them: the universal tag plus text, from which the exact bytes
// can be rebuilt (OpenSSL prints some strings byte for byte).

export const asnTags = {
  bitString: 3,
  octetString: 4,
  utf8String: 12,
  numericString: 18,
  printableString: 19,
  teletexString: 20,
  ia5String: 22,
  visibleString: 26,
  universalString: 28,
  bmpString: 30,
} as const;

export interface AsnText {
  /** Universal tag number of the string type (12 UTF8String, 19 PrintableString, 22 IA5String, 30 BMPString…). */
  tag: number;
  /** The decoded text: one character per octet for the single-byte types, as OpenSSL reads them. */
  text: string;
}

/** Decodes string contents by type; never throws (invalid UTF-8 becomes U+FFFD). */
export function decodeText(tag: number, bytes: Uint8Array): string {
  if (tag === asnTags.utf8String) return new TextDecoder().decode(bytes);
  if (tag === asnTags.bmpString) return wide(bytes, 2);
  if (tag === asnTags.universalString) return wide(bytes, 4);
  return latin1(bytes);
}

function wide(bytes: Uint8Array, width: 2 | 4): string {
  let text = '';
  for (let i = 0; i + width <= bytes.length; i += width) {
    let code = 0;
    for (let j = 0; j < width; j++) code = code * 256 + (bytes[i + j] ?? 0);
    text += width === 2 ? String.fromCharCode(code) : String.fromCodePoint(Math.min(code, 0x10ffff));
  }
  return text;
}

export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    // apply takes the typed array as it is, where a spread would go through its iterator.
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
  }
  return text;
}

/** The content octets a string of this type and text has. */
export function encodeText({ tag, text }: AsnText): Uint8Array {
  if (tag === asnTags.utf8String) return new TextEncoder().encode(text);
  if (tag === asnTags.bmpString) {
    const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
    return toWide(units, 2);
  }
  if (tag === asnTags.universalString)
    return toWide(
      Array.from(text, (c) => c.codePointAt(0) ?? 0),
      4,
    );
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

function toWide(units: number[], width: 2 | 4): Uint8Array {
  const out = new Uint8Array(units.length * width);
  units.forEach((unit, i) => {
    for (let j = 0; j < width; j++) out[i * width + j] = Math.floor(unit / 256 ** (width - 1 - j)) & 0xff;
  });
  return out;
}

/** Octets shown as text the way a terminal shows what OpenSSL wrote: UTF-8 where valid. */
export function bytesAsPrinted(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
