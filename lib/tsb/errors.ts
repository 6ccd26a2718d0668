import 'server-only';

export type TsbErrorKind = 'http' | 'timeout' | 'network' | 'malformed';

/**
 * A failed TSB call. `message` is written by CertDesk and never carries the TSB's own text, which may
 * echo what it was sent (credential included); only the documented machine fields are kept.
 */
export class TsbError extends Error {
  constructor(
    readonly kind: TsbErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly errorCode: number | null = null,
    readonly reason: string | null = null,
    /** Seconds the TSB asked to wait (Retry-After on a 429 or 503), when it said so. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'TsbError';
  }
}

/** True for the kinds of failure an idempotent read may try again: no answer, a broken one, or a busy TSB. */
export function isTransient(error: TsbError): boolean {
  if (error.kind === 'network') return true;
  return error.kind === 'http' && error.status !== null && [429, 500, 502, 503, 504].includes(error.status);
}
