import type { Kysely } from 'kysely';

// The last TOTP time step accepted per user, so that a code is accepted once only (RFC 6238 §5.2): a
// code whose step is not newer than this one is refused. The row goes with the user.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('totp_last_step')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('totp_last_step').execute();
}
