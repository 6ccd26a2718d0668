import type { Kysely } from 'kysely';

// Accounts that must choose their own password before using CertDesk: invited with a one-time
// password (by /admin or the admin CLI). The row goes when the password is changed.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_change_required')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_change_required').execute();
}
