import 'server-only';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/types';

// Where route(), Server Actions and pages learn who is asking. Production always asks the sign-in module; tests swap the source
// so that route modules can be called directly as any role, with no server and no special header.

export type ActorSource = (headers: Headers) => Promise<Actor | null>;

let source: ActorSource = getActor;

/** The signed-in user (session or personal API token) behind `request`, or null. */
export function actorOf(request: Request): Promise<Actor | null> {
  return source(request.headers);
}

/** The signed-in user behind request headers (Server Actions and pages, which see no Request), or null. */
export function actorFromHeaders(headers: Headers): Promise<Actor | null> {
  return source(headers);
}

/**
 * Replaces the actor source (null restores the real one). For tests only: refused in production, so
 * that no code path in a deployed server can change how callers are identified.
 */
export function setActorSource(next: ActorSource | null): void {
  if (process.env.NODE_ENV === 'production')
    throw new Error('The actor source cannot be replaced in production.');
  source = next ?? getActor;
}
