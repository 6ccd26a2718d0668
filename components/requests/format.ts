import {
  extendedKeyUsageLabels,
  keyUsageLabels,
  type ExtendedKeyUsage,
  type KeyUsage,
  type SignatureAlgorithm,
} from '@/lib/pki/usages';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function keyUsageList(usages: readonly KeyUsage[]): string {
  return usages.length === 0 ? 'None' : usages.map((u) => keyUsageLabels[u]).join(', ');
}

export function extendedKeyUsageList(usages: readonly ExtendedKeyUsage[]): string {
  return usages.length === 0 ? 'None' : usages.map((u) => extendedKeyUsageLabels[u]).join(', ');
}

/** Seconds as "1 h 05 min", "4 min 09 s" or "12 s". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, '0')} s`;
  return `${sec} s`;
}

/** "SHA256_WITH_RSA" → "SHA-256 with RSA". */
export function signatureAlgorithmLabel(algorithm: SignatureAlgorithm): string {
  const [hash = '', , family = ''] = algorithm.split('_');
  return `${hash.replace(/^SHA/, 'SHA-')} with ${family}`;
}
