import { sql, type Kysely } from 'kysely';

// The audit log: an append-only, hash-chained table of security events, and a one-row anchor holding
// the head of the chain (last seq and hash), written in the same transaction as each event so that a
// cut-off tail shows against it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    // INTEGER PRIMARY KEY: the rowid itself, so two writers can never both take the same number.
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_email', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('csr_sha256', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['at', 'action', 'target', 'actor_email', 'outcome']) {
    await db.schema.createIndex(`audit_events_${column}_idx`).on('audit_events').column(column).execute();
  }

  // The outcome of an action is found from its intent (and the other way round) by their shared attempt id.
  await sql`create index audit_events_attempt_idx on audit_events (json_extract(details, '$.attempt'))`.execute(
    db,
  );

  await db.schema
    .createTable('audit_anchor')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // Changing or removing a record through CertDesk's own connection is refused outright; the chain
  // still catches anyone who drops these triggers first.
  await sql`create trigger audit_events_no_update before update on audit_events
    begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
  await sql`create trigger audit_events_no_delete before delete on audit_events
    begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_anchor').execute();
  await db.schema.dropTable('audit_events').execute();
}
