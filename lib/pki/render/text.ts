import { bytesAsPrinted } from '../strings';

// Building blocks of OpenSSL's text output, each named after the OpenSSL function it reproduces.

export const pad = (n: number) => ' '.repeat(Math.max(0, n));

export function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Colon hex of lower-case hex text, `perLine` octets a line, each line indented (the dumps below). */
function dump(hex: string, indent: number, perLine: number): string {
  const octets = hex.match(/../g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < octets.length; i += perLine)
    lines.push(pad(indent) + octets.slice(i, i + perLine).join(':'));
  return `${lines.join(':\n')}\n`;
}

/** ASN1_buf_print: lower-case colon hex, 15 octets a line. */
export function bufPrint(hex: string, indent: number): string {
  return dump(hex, Math.min(indent, 128), 15);
}

/** X509_signature_dump: lower-case colon hex, 18 octets a line. */
export function signatureDump(hex: string, indent: number): string {
  return dump(hex, indent, 18);
}

/** BIO_hex_string: upper-case colon hex (given as colon hex), `width` octets a line, later lines indented. */
export function hexString(colonHex: string, indent: number, width: number): string {
  const octets = colonHex === '' ? [] : colonHex.split(':');
  let out = '';
  octets.forEach((octet, i) => {
    if (i > 0 && i % width === 0) out += `\n${pad(indent)}`;
    out += octet + (i === octets.length - 1 ? '' : ':');
  });
  return out;
}

/** A labelled big number (ASN1_bn_print and the provider key printers): small values inline, else hex. */
export function bnPrint(label: string, magnitudeHex: string, indent: number, negative = false): string {
  let start = 0;
  while (magnitudeHex.startsWith('00', 2 * start)) start++;
  const digits = (magnitudeHex.length >> 1) - start;
  if (digits <= 0) return `${pad(indent)}${label} 0\n`;
  if (digits <= 8) {
    const value = BigInt(`0x${magnitudeHex || '0'}`);
    const sign = negative ? '-' : '';
    return `${pad(indent)}${label} ${sign}${value} (${sign}0x${value.toString(16)})\n`;
  }
  const hex = magnitudeHex.slice(2 * start);
  const padded = parseInt(hex.slice(0, 2), 16) & 0x80 ? `00${hex}` : hex;
  return `${pad(indent)}${label}${negative ? ' (Negative)' : ''}\n${bufPrint(padded, indent + 4)}`;
}

/** ASN1_STRING_print: every octet outside printable ASCII becomes ".", except CR and LF, written as is. */
export function stringPrint(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += (b >= 0x20 && b <= 0x7e) || b === 0x0a || b === 0x0d ? String.fromCharCode(b) : '.';
  return out;
}

/** C's "%.*s" of an octet string: stops at the first NUL. */
export function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return bytesAsPrinted(end === -1 ? bytes : bytes.subarray(0, end));
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print: "Mar  2 10:38:23 2029 GMT", fractional seconds kept when there are some. */
export function opensslTime(iso: string, fraction: 'auto' | 'always' = 'auto'): string {
  const d = new Date(iso);
  const ms = d.getUTCMilliseconds();
  const frac =
    fraction === 'always'
      ? `.${String(ms).padStart(3, '0')}`
      : ms
        ? `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`
        : '';
  const time = d.toISOString().slice(11, 19);
  return `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time}${frac} ${d.getUTCFullYear()} GMT`;
}

/** OpenSSL's IP address text (ossl_ipaddr_to_asc): IPv6 as eight upper-case groups, nothing compressed. */
export function opensslIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length === 16) {
    const groups = Array.from({ length: 8 }, (_, i) =>
      (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16),
    );
    return groups.join(':').toUpperCase();
  }
  return `<invalid length=${bytes.length}>`;
}

/** i2a_ASN1_INTEGER: upper-case hex octets of a (decimal) integer, "-" for negatives. */
export function integerHex(decimal: string): string {
  const value = BigInt(decimal);
  const magnitude = value < 0n ? -value : value;
  const hex = magnitude.toString(16).toUpperCase();
  return `${value < 0n ? '-' : ''}${hex.length % 2 ? `0${hex}` : hex}`;
}
