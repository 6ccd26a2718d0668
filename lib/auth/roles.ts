import { roles, type Role } from './types';

// Role names as they arrive from outside (the user table, an identity provider's claim, the CLI).

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/**
 * The CertDesk role an identity provider grants through `claim` in a user's profile, or null when it grants
 * none. A claim may be one name or a list of names (groups); a list must name exactly one CertDesk role,
 * since picking one of several would silently widen or narrow what the person may do.
 */
export function roleFromClaim(profile: Record<string, unknown>, claim: string): Role | null {
  const value = profile[claim];
  const names = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim().toLowerCase());
  const granted = [...new Set(names.filter(isRole))];
  return granted.length === 1 ? granted[0]! : null;
}
