import 'server-only';
import { cache } from 'react';
import { getAuthDb } from './db';
import { getAuth } from './server';
import { sessionState, type SessionState } from './session';
import { bearerToken, tokenActor } from './tokens';
import type { Actor } from './types';

// Who is asking, for every handler and page: the one door from a request's headers to an Actor.

/**
 * The session behind `headers`, read once per server render: the dashboard layout, requirePage() and a
 * page's own checks all ask while one page renders, and each read goes to the database (no cookie cache,
 * so that an ended session or a disabled account counts at once, and the idle clock is kept). React keeps
 * the answer for that render only, keyed on the Headers object Next hands the request; route handlers and
 * Server Actions run outside a render, and there every call reads afresh.
 */
const renderSession = cache(async (headers: Headers) => sessionState(await getAuth(), headers));

/**
 * The signed-in user behind `headers`: a session cookie (browser) or `Authorization: Bearer <personal
 * API token>`. Null when not signed in, when the account is disabled, when the session was idle for
 * 15 minutes or began 12 hours ago, when the user's role requires a second factor not yet enrolled, or
 * while the account still has the one-time password it was invited with.
 */
export async function getActor(headers: Headers): Promise<Actor | null> {
  const token = bearerToken(headers);
  if (token) return tokenActor(await getAuthDb(), token);
  if (headers.has('authorization')) return null;
  const state = await renderSession(headers);
  return state && !state.mustEnrolSecondFactor && !state.mustChangePassword ? state.actor : null;
}

/**
 * The session behind `headers` even while its second factor is still to be enrolled or its one-time
 * password still to be replaced (sign-in pages).
 */
export function getSessionState(headers: Headers): Promise<SessionState | null> {
  return renderSession(headers);
}

/** Whether `actor` proved who they are within `maxAgeMs` (step-up before submitting or relaying). */
export function isFresh(actor: Actor, maxAgeMs = 5 * 60_000, now = Date.now()): boolean {
  const at = Date.parse(actor.authenticatedAt);
  return Number.isFinite(at) && now - at <= maxAgeMs;
}
