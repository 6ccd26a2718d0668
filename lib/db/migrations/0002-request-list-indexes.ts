import type { Kysely } from 'kysely';

// The request list's common shapes (a status filter, newest first; sorted by common name) read a page
// from an index instead of sorting every matching row.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('requests_status_created_at_idx')
    .on('requests')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema.createIndex('requests_common_name_idx').on('requests').column('common_name').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('requests_common_name_idx').execute();
  await db.schema.dropIndex('requests_status_created_at_idx').execute();
}
