import { toHex } from './bytes';

export interface SerialView {
  /** Colon-less lower hex of the DER INTEGER, redundant leading zero octets removed. */
  hex: string;
  /** Signed decimal (a negative serial is a CA bug, shown as what it is). */
  decimal: string;
  /** Octets of the DER INTEGER content, the length RFC 5280 limits to 20. */
  octets: number;
  positive: boolean;
}

export function serialView(bytes: Uint8Array): SerialView {
  const hex = toHex(bytes);
  const unsigned = hex === '' ? 0n : BigInt(`0x${hex}`);
  const negative = (bytes[0] ?? 0) >= 0x80;
  const value = negative ? unsigned - (1n << BigInt(bytes.length * 8)) : unsigned;
  return {
    hex: hex.replace(/^(00)+(?=..)/, '') || '00',
    decimal: value.toString(),
    octets: bytes.length,
    positive: value > 0n,
  };
}
