import { sql, type Kysely } from 'kysely';

// The keyed audit chain (AUDIT_HMAC_KEY): each record says how its hash was made, 'sha256' (every record
// written before, and any written without the key) or 'hmac-sha256'; the anchor gets a MAC under the key,
// null when it was written without one. See lib/audit/hash.ts.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('audit_events')
    .addColumn('hash_alg', 'text', (c) =>
      c
        .notNull()
        .defaultTo('sha256')
        .check(sql`hash_alg in ('sha256', 'hmac-sha256')`),
    )
    .execute();
  await db.schema.alterTable('audit_anchor').addColumn('mac', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_anchor').dropColumn('mac').execute();
  await db.schema.alterTable('audit_events').dropColumn('hash_alg').execute();
}
