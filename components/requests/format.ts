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

/** How long ago `iso` was, in words: "just now", "3 min ago", "2 h ago", "4 days ago". */
export function formatAgo(iso: string, now: number): string {
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  const days = Math.round(seconds / 86_400);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
