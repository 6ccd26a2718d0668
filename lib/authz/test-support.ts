import { afterEach } from 'vitest';
import type { Actor, Role } from '@/lib/auth/types';
import { setActorSource } from './actor-source';

// Shared by specs that call route modules directly: who is asking, and requests as our own pages send them.

export const testOrigin = 'http://certdesk.test';

function person(role: Role, name: string, minutesSinceSignIn = 1): Actor {
  return {
    userId: `user-${name}`,
    email: `${name}@certdesk.test`,
    name,
    role,
    via: 'session',
    authenticatedAt: new Date(Date.now() - minutesSinceSignIn * 60_000).toISOString(),
  };
}

/** One signed-in person per role, plus a second operator whose requests the first may not touch. */
export const actors = {
  operator: person('operator', 'olivia'),
  otherOperator: person('operator', 'oscar'),
  officer: person('officer', 'frank'),
  auditor: person('auditor', 'audrey'),
  admin: person('admin', 'adam'),
} satisfies Record<string, Actor>;

/** The same person, signed in `minutes` ago (for fresh-authentication checks). */
export function signedInAgo(actor: Actor, minutes: number): Actor {
  return { ...actor, authenticatedAt: new Date(Date.now() - minutes * 60_000).toISOString() };
}

/** Makes route() see `actor` (null: anonymous) until the end of the current test. */
export function actAs(actor: Actor | null): void {
  setActorSource(() => Promise.resolve(actor));
}

afterEach(() => setActorSource(null));

type ApiInit = { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal };

/**
 * A request to our API as CertDesk's own pages make it: same Origin, same-origin fetch metadata and a
 * JSON body on state-changing methods. `headers` override (or, set to '', drop) any of these.
 */
export function apiRequest(
  path: string,
  { method = 'GET', body, headers = {}, signal }: ApiInit = {},
): Request {
  const mutating = method !== 'GET' && method !== 'HEAD';
  const base: Record<string, string> = mutating
    ? { origin: testOrigin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }
    : {};
  const merged = Object.entries({ ...base, ...headers }).filter(([, value]) => value !== '');
  return new Request(`${testOrigin}${path}`, {
    method,
    headers: Object.fromEntries(merged),
    body: mutating ? (typeof body === 'string' ? body : JSON.stringify(body ?? {})) : undefined,
    signal,
  });
}
