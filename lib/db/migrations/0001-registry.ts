import type { Kysely } from 'kysely';

// Requests with their status history, and the certificates CertDesk issued or imported.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('tsb_request_id', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requester', 'text')
    .addColumn('sign_key_name', 'text', (c) => c.notNull())
    .addColumn('signature_algorithm', 'text', (c) => c.notNull())
    .addColumn('common_name', 'text', (c) => c.notNull())
    .addColumn('certificate_authority', 'integer', (c) => c.notNull())
    .addColumn('key_usage', 'text', (c) => c.notNull())
    .addColumn('extended_key_usage', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('csr_pem', 'text', (c) => c.notNull())
    .addColumn('csr_sha256', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('approval', 'text')
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('rejected_by', 'text', (c) => c.notNull())
    .addColumn('timelock_ends_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('execution_time', 'text')
    .addColumn('certificate_pem', 'text')
    .addColumn('result_mismatches', 'text', (c) => c.notNull())
    .addColumn('imported_label', 'text')
    .addColumn('error', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of [
    'status',
    'created_at',
    'updated_at',
    'sign_key_name',
    'requester',
    'tsb_request_id',
  ]) {
    await db.schema.createIndex(`requests_${column}_idx`).on('requests').column(column).execute();
  }

  await db.schema
    .createTable('request_events')
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('request_events_pk', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
    .addColumn('sign_key_name', 'text')
    .addColumn('imported_label', 'text')
    .addColumn('serial_hex', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('common_name', 'text')
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('sha256_fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of [
    'request_id',
    'not_after',
    'not_before',
    'common_name',
    'sign_key_name',
    'created_at',
  ]) {
    await db.schema.createIndex(`certificates_${column}_idx`).on('certificates').column(column).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
  await db.schema.dropTable('request_events').execute();
  await db.schema.dropTable('requests').execute();
}
