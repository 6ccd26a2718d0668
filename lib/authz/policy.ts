import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { isFresh } from '@/lib/auth/actor';
import { roleLabels, type Actor, type Role } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit';

// Who may do what: the one table every API route is decided by. Deny by default: a permission a role
// is not listed under is refused, and so is anything for an anonymous caller.
//
// Decisions worth knowing:
// - Officers never submit. The issue gives them "watch and cancel"; letting the people who cancel (and,
//   in the Authorization App, approve) also raise requests would let one person carry a request through.
// - Operators act on their own requests only (the request's `requester` is their e-mail). The
//   certificate inventory and the reconciliation view show everyone's work, so operators do not get
//   them; an operator downloads the certificate of an own request through that request.
// - Auditors and administrators read everything and change nothing (administrators also manage users).
//   Revoking one's own personal API token is allowed to every role: it only takes a credential away.

/** 'any': every object; 'own': only objects whose requester is the actor. */
export type Scope = 'any' | 'own';

const everyoneReads = { operator: 'own', officer: 'any', auditor: 'any', admin: 'any' } as const;
const overseersRead = { officer: 'any', auditor: 'any', admin: 'any' } as const;

export const policy = {
  'requests:submit': { operator: 'any' },
  'requests:list': everyoneReads,
  'requests:read': everyoneReads,
  'requests:events': everyoneReads,
  'requests:download': everyoneReads,
  'requests:cancel': { operator: 'own', officer: 'any' },
  'requests:import': { operator: 'own' },
  'keys:read': { operator: 'any', officer: 'any', auditor: 'any', admin: 'any' },
  'certificates:read': overseersRead,
  'certificates:export': overseersRead,
  'reconciliation:read': overseersRead,
  'audit:read': { auditor: 'any', admin: 'any' },
  'users:read': { auditor: 'any', admin: 'any' },
  'users:manage': { admin: 'any' },
  // Pages that show nobody's data (the in-browser decoder, one's own account): every signed-in role.
  'dashboard:view': { operator: 'any', officer: 'any', auditor: 'any', admin: 'any' },
  // Everyone may revoke their own personal API tokens (a credential they hold, not CertDesk data);
  // administrators anyone's. 'own' is matched on the token holder's e-mail.
  'tokens:revoke': { operator: 'own', officer: 'own', auditor: 'own', admin: 'any' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof policy;
export const permissions = Object.keys(policy) as Permission[];

/** Permissions on one request named by the route: the route must load it for an object-level check. */
export const objectPermissions = [
  'requests:read',
  'requests:download',
  'requests:cancel',
  'requests:import',
] as const;
export type ObjectPermission = (typeof objectPermissions)[number];

/** Permissions that need a recent sign-in, not only a live session (SECURITY.md requirement 2). */
export const freshAuthentication: Partial<Record<Permission, number>> = {
  'requests:submit': 5 * 60_000,
};

/** What an object-level check looks at: who raised it. */
export type Owned = { requester?: string | null };

/** The role's reach for `permission`; null when the role (or an anonymous caller) has none. */
export function scopeOf(actor: Actor | null, permission: Permission): Scope | null {
  if (!actor) return null;
  const grants: Partial<Record<Role, Scope>> = policy[permission];
  return Object.hasOwn(grants, actor.role) ? (grants[actor.role] ?? null) : null;
}

/**
 * Whether `actor` may use `permission`. Without `resource` the answer is whether the role may use it at
 * all (on some objects); with one, whether on that object. An 'own' grant needs a requester that
 * equals the actor's e-mail: a request nobody owns (requester null) is owned by no operator.
 */
export function can(actor: Actor | null, permission: Permission, resource?: Owned): boolean {
  const scope = scopeOf(actor, permission);
  if (scope === null) return false;
  if (scope === 'any' || resource === undefined) return true;
  return typeof resource.requester === 'string' && resource.requester === actor!.email;
}

/**
 * For collections (lists, the event stream): the requester every row must have, or null when the actor
 * sees all rows. Throws when the role has no reach at all; callers authorize first.
 */
export function requesterFilter(actor: Actor, permission: Permission): string | null {
  const scope = scopeOf(actor, permission);
  if (scope === null) throw new Error(`${actor.role} has no ${permission}`);
  return scope === 'own' ? actor.email : null;
}

export type DenialReason = 'anonymous' | 'role' | 'owner' | 'reauth';

/** Why `actor` may not use `permission` (on `resource`), or null when it may. */
export function denialOf(actor: Actor | null, permission: Permission, resource?: Owned): DenialReason | null {
  if (!actor) return 'anonymous';
  if (!can(actor, permission)) return 'role';
  if (!can(actor, permission, resource)) return 'owner';
  const maxAgeMs = freshAuthentication[permission];
  if (maxAgeMs !== undefined && !isFresh(actor, maxAgeMs)) return 'reauth';
  return null;
}

export type AuthorizeOptions = {
  /** The audit record's target, e.g. 'request:<id>'. */
  target?: string | null;
  /**
   * What an 'own'-scoped actor is told about someone else's object: the same answer as for a missing one,
   * so that ids cannot be probed for existence.
   */
  hidden?: () => ApiError;
  /** The HTTP request being decided, for the audit record. */
  request?: Request;
  /** The Server Action or page being decided (e.g. 'user.invite', 'page:/audit'), for the audit record. */
  action?: string;
};

function denialError(
  reason: DenialReason,
  permission: Permission,
  actor: Actor | null,
  options: AuthorizeOptions,
): ApiError {
  switch (reason) {
    case 'anonymous':
      return new ApiError(401, 'unauthenticated', 'Sign in to use CertDesk.');
    case 'reauth': {
      const minutes = Math.round((freshAuthentication[permission] ?? 0) / 60_000);
      return new ApiError(
        401,
        'reauth_required',
        `Confirm it is you: sign in again (this needs a sign-in within the last ${minutes} minutes).`,
      );
    }
    case 'owner':
      return options.hidden?.() ?? new ApiError(404, 'not_found', 'There is no such object.');
    case 'role':
      return new ApiError(403, 'forbidden', `The ${roleLabels[actor!.role]} role may not do this.`);
  }
}

/**
 * Appends an 'authz.denied' audit record. Never throws: the caller is refused either way, and a denial
 * that cannot be recorded is reported on the server log instead.
 */
export async function recordDenial(
  actor: Actor | null,
  details: { permission: Permission; reason: string },
  options: AuthorizeOptions = {},
): Promise<void> {
  const request = options.request;
  try {
    await recordAudit({
      actor: { userId: actor?.userId ?? null, email: actor?.email ?? null, role: actor?.role ?? null },
      action: 'authz.denied',
      target: options.target ?? null,
      outcome: 'denied',
      details: {
        ...details,
        ...(request ? { method: request.method, path: new URL(request.url).pathname } : {}),
        ...(options.action ? { action: options.action } : {}),
      },
    });
  } catch (error) {
    console.error(
      'authz: a denial could not be audited:',
      error instanceof Error ? error.message : 'unknown error',
    );
  }
}

/**
 * Returns the actor when it may use `permission` (on `resource`); otherwise records an 'authz.denied'
 * audit event and throws: 401 anonymous or not freshly signed in ('reauth_required'), 403 for a role
 * without the permission, and for someone else's object the `hidden` answer (a 404 by default).
 */
export async function authorize(
  actor: Actor | null,
  permission: Permission,
  resource?: Owned,
  options: AuthorizeOptions = {},
): Promise<Actor> {
  const reason = denialOf(actor, permission, resource);
  if (reason === null) return actor!;
  await recordDenial(actor, { permission, reason }, options);
  throw denialError(reason, permission, actor, options);
}
