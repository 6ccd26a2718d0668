import type { PublicKeyView, SanView } from '@/lib/pki';

/** "RSA 2048 bit, exponent 65537", "EC P-256 (256 bit)", "Ed25519". */
export function publicKeyText(key: PublicKeyView): string {
  if (key.algorithm === 'EC')
    return `EC ${key.curve ?? 'unknown curve'}${key.size ? ` (${key.size} bit)` : ''}`;
  const size = key.size ? ` ${key.size} bit` : '';
  const exponent = key.exponent ? `, exponent ${key.exponent}` : '';
  return `${key.algorithm}${size}${exponent}`;
}

const sanPrefixes: Record<SanView['type'], string> = {
  dns: 'DNS',
  ip: 'IP',
  email: 'E-mail',
  uri: 'URI',
  other: '',
};

export function sanText(san: SanView): string {
  return san.type === 'other' ? san.value : `${sanPrefixes[san.type]}: ${san.value}`;
}

/** Hex in colon-separated upper-case pairs, as fingerprints are usually compared. */
export function colonHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

/** "2026-11-28 10:38:23 UTC": unambiguous in every locale, as certificates are read. */
export function utcText(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}
