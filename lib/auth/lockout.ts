import 'server-only';
import type { AuthDb } from './db';

// Failed password sign-ins per account: after `maxFailures` in a row the account is locked for
// `lockMs`, whatever the password tried next. A success resets the count.

export const maxFailures = 5;
export const lockMs = 15 * 60_000;

export type Lock = { lockedUntil: Date };

function key(email: string): string {
  return email.trim().toLowerCase();
}

/** The lock on `email` now in force, or null. */
export async function activeLock(db: AuthDb, email: string, now = new Date()): Promise<Lock | null> {
  const row = await db
    .selectFrom('sign_in_throttle')
    .select('locked_until')
    .where('email', '=', key(email))
    .executeTakeFirst();
  if (!row?.locked_until || new Date(row.locked_until) <= now) return null;
  return { lockedUntil: new Date(row.locked_until) };
}

/**
 * Counts one failed sign-in. Returns the lock it starts when this failure is the `maxFailures`-th in a
 * row; a failure after an expired lock starts a new count.
 */
export async function recordFailure(db: AuthDb, email: string, now = new Date()): Promise<Lock | null> {
  const at = now.toISOString();
  const row = await db
    .selectFrom('sign_in_throttle')
    .select(['failures', 'locked_until'])
    .where('email', '=', key(email))
    .executeTakeFirst();
  const lapsed = row?.locked_until != null && new Date(row.locked_until) <= now;
  const failures = (lapsed ? 0 : (row?.failures ?? 0)) + 1;
  const lockedUntil = failures >= maxFailures ? new Date(now.getTime() + lockMs) : null;
  await db
    .insertInto('sign_in_throttle')
    .values({
      email: key(email),
      failures: lockedUntil ? 0 : failures,
      locked_until: lockedUntil?.toISOString() ?? null,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: lockedUntil ? 0 : failures,
        locked_until: lockedUntil?.toISOString() ?? null,
        updated_at: at,
      }),
    )
    .execute();
  return lockedUntil ? { lockedUntil } : null;
}

export async function clearFailures(db: AuthDb, email: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('email', '=', key(email)).execute();
}

export function lockMessage(lock: Lock, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((lock.lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins. This account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}; try again later or ask an administrator.`;
}
