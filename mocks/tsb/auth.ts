import { timingSafeEqual } from 'node:crypto';
import { TsbError } from './errors';
import type { Simulator } from './state';

// The service credential (tsb-api.md §2): X-API-KEY or a bearer token, whichever the simulator was given.
// Approver endpoints do not use it; approvers prove themselves by signature.

function same(given: string | null, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Throws 401/631 unless the request carries a configured credential. */
export function requireCredential(sim: Simulator, request: Request): void {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
  if (same(request.headers.get('x-api-key'), sim.credentials.apiKey)) return;
  if (same(bearer, sim.credentials.bearerToken)) return;
  throw new TsbError('invalidApiKey', 'missing or invalid API key or bearer token');
}
