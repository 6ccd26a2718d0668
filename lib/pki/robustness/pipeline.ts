import { checkCsr } from '../checks';
import { decodeAny } from '../decode-any';
import { lintCertificate } from '../lint';
import { renderOpensslText } from '../openssl-text';
import type { PkiInput } from '../types';

// Everything an untrusted input goes through on the request and certificate pages: read, decode, lint or
// check, render. Used by the property tests and the benchmark; a throw anywhere here is a bug.

export type Outcome =
  { outcome: 'decoded'; kind: 'csr' | 'certificate' } | { outcome: 'refused'; reason: string };

export async function processInput(input: PkiInput): Promise<Outcome> {
  const decoded = await decodeAny(input);
  if (decoded.kind === 'unknown') return { outcome: 'refused', reason: decoded.error };
  if (!decoded.result.ok) return { outcome: 'refused', reason: decoded.result.error };
  if (decoded.kind === 'csr') checkCsr(decoded.result.view);
  else lintCertificate(decoded.result.view);
  if (renderOpensslText(decoded.result.view).length === 0) throw new Error('empty rendering');
  return { outcome: 'decoded', kind: decoded.kind };
}

/** The 99th percentile of durations in milliseconds. */
export function p99(durations: number[]): number {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}
