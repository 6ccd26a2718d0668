// Byte helpers shared by the decoders. atob/btoa exist in browsers and in Node 20, so this stays isomorphic.

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Removes every whitespace character; keys and certificates arrive wrapped at 64 columns or with \r\n. */
export function stripWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Strict base64 (standard alphabet, canonical padding) after whitespace removal; null when invalid. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const compact = stripWhitespace(text);
  if (compact.length === 0 || !base64Pattern.test(compact)) return null;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  // Chunked so that large inputs never hit the argument limit of String.fromCharCode; apply takes the typed
  // array as it is, where a spread would go through its iterator (several times slower).
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, view.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

const hexOctets = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

// Each octet's two hex digits as one 16-bit unit laid out in memory as the two ASCII digits, first digit
// first whatever the platform's byte order.
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const hexPairs = Uint16Array.from(hexOctets, (octet) => {
  const [first, second] = [octet.charCodeAt(0), octet.charCodeAt(1)];
  return littleEndian ? first | (second << 8) : (first << 8) | second;
});
const asciiDecoder = new TextDecoder();

/**
 * Lower-case hex without separators. Longer inputs are written as ASCII into one buffer and decoded once:
 * concatenating two characters at a time builds a chain of string pieces that costs time and garbage
 * collection for the large values (a request's 16 KiB extension) the decoders turn into hex.
 */
export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length <= 32) {
    let hex = '';
    for (let i = 0; i < view.length; i++) hex += hexOctets[view[i] ?? 0];
    return hex;
  }
  const digits = new Uint16Array(view.length);
  for (let i = 0; i < view.length; i++) digits[i] = hexPairs[view[i] ?? 0] ?? 0;
  return asciiDecoder.decode(digits);
}

const upperOctets = hexOctets.map((octet) => octet.toUpperCase());

/** Upper-case hex with colons, as openssl prints fingerprints and key identifiers. */
export function toColonHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (let i = 0; i < view.length; i++) hex += (i === 0 ? '' : ':') + upperOctets[view[i] ?? 0];
  return hex;
}

/** A copy in a fresh ArrayBuffer: WebCrypto and the asn1 parsers want a plain ArrayBuffer-backed view. */
export function copyBytes(input: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(input.byteLength);
  copy.set(input instanceof Uint8Array ? input : new Uint8Array(input));
  return copy;
}
