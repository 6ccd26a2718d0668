import 'server-only';
import type { AuthDb } from './db';

// A one-time password (from an invitation) opens nothing but the page that replaces it: until the
// account's holder chooses their own, the person who handed it over could sign in as them too.

export async function requirePasswordChange(db: AuthDb, userId: string, now = new Date()): Promise<void> {
  await db
    .insertInto('password_change_required')
    .values({ user_id: userId, since: now.toISOString() })
    .onConflict((c) => c.doNothing())
    .execute();
}

export async function mustChangePassword(db: AuthDb, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('password_change_required')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function passwordChanged(db: AuthDb, userId: string): Promise<void> {
  await db.deleteFrom('password_change_required').where('user_id', '=', userId).execute();
}
