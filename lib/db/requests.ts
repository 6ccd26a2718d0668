import 'server-only';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { RequestListQuery, RequestStatus } from '@/lib/api/dto';
import type { StoredRequest } from '@/lib/requests/record';
import { getDb, isUniqueViolation, type Db, type TransactionWrite } from './index';
import { fromRow, toEventRows, toRow } from './request-rows';
import type { Database, RequestRow } from './schema';

// The requests repository: rows and their history, read and written together.

export class DuplicateKeyError extends Error {
  constructor() {
    super('a request with this Idempotency-Key already exists');
    this.name = 'DuplicateKeyError';
  }
}

async function withHistory(db: Db, rows: RequestRow[]): Promise<StoredRequest[]> {
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('request_events')
    .selectAll()
    .where(
      'request_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('request_id')
    .orderBy('seq')
    .execute();
  return rows.map((row) =>
    fromRow(
      row,
      events.filter((event) => event.request_id === row.id),
    ),
  );
}

/** Inserts a request and its history; a second request under the same Idempotency-Key is a DuplicateKeyError. */
export async function insertRequestRecord(record: StoredRequest): Promise<void> {
  const db = await getDb();
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('requests').values(toRow(record)).execute();
      const events = toEventRows(record.id, record.history);
      if (events.length > 0) await trx.insertInto('request_events').values(events).execute();
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateKeyError();
    throw error;
  }
}

/**
 * Reads, changes and writes one request in a transaction; `change` must not append to history out of order.
 * `alongside` runs in the same transaction after the request is written: when it throws, nothing is stored.
 */
export async function updateRequestRecord(
  id: string,
  change: (current: StoredRequest) => StoredRequest,
  alongside?: TransactionWrite,
): Promise<StoredRequest | undefined> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [current] = await withHistory(trx, [row]);
    const next = change(current!);
    const { id: _id, idempotency_key: _key, ...columns } = toRow(next);
    await trx.updateTable('requests').set(columns).where('id', '=', id).execute();
    const added = toEventRows(id, next.history, current!.history.length);
    if (added.length > 0) await trx.insertInto('request_events').values(added).execute();
    await alongside?.(trx);
    return next;
  });
}

type Column = 'id' | 'idempotency_key' | 'tsb_request_id';

export async function findRequestRecord(column: Column, value: string): Promise<StoredRequest | undefined> {
  const db = await getDb();
  const row = await db
    .selectFrom('requests')
    .selectAll()
    .where(column, '=', value)
    .limit(1)
    .executeTakeFirst();
  return row ? (await withHistory(db, [row]))[0] : undefined;
}

export async function listRequestsByStatus(statuses: readonly RequestStatus[]): Promise<StoredRequest[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('requests')
    .selectAll()
    .where('status', 'in', [...statuses])
    .orderBy('created_at')
    .execute();
  return withHistory(db, rows);
}

/** Which of `tsbRequestIds` some request is linked to. */
export async function linkedTsbRequestIds(tsbRequestIds: string[]): Promise<Set<string>> {
  const db = await getDb();
  const known = new Set<string>();
  // Chunks stay under every database's limit on bound parameters.
  for (let i = 0; i < tsbRequestIds.length; i += 500) {
    const chunk = tsbRequestIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('requests')
      .select('tsb_request_id')
      .where('tsb_request_id', 'in', chunk)
      .execute();
    for (const row of rows) if (row.tsb_request_id) known.add(row.tsb_request_id);
  }
  return known;
}

/** A case-insensitive substring match; % and _ in the search are literal. */
export function contains(column: string, search: string): Expression<SqlBool> {
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

function filters(eb: ExpressionBuilder<Database, 'requests'>, query: RequestListQuery) {
  const conditions: Expression<SqlBool>[] = [];
  if (query.status?.length) conditions.push(eb('status', 'in', query.status));
  if (query.key) conditions.push(eb('sign_key_name', '=', query.key));
  if (query.requester) conditions.push(eb('requester', '=', query.requester));
  if (query.q) {
    const columns = ['common_name', 'id', 'tsb_request_id', 'sign_key_name', 'requester'];
    conditions.push(eb.or(columns.map((column) => contains(column, query.q!))));
  }
  return eb.and(conditions);
}

const sortColumns = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  commonName: 'common_name',
  status: 'status',
  signKeyName: 'sign_key_name',
} as const;

export async function listRequestRecords(
  query: RequestListQuery,
): Promise<{ rows: StoredRequest[]; total: number }> {
  const db = await getDb();
  const where = (eb: ExpressionBuilder<Database, 'requests'>) => filters(eb, query);
  const { total } = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('requests')
    .selectAll()
    .where(where)
    .orderBy(sortColumns[query.sort], query.order)
    .orderBy('id', query.order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows: await withHistory(db, rows), total: Number(total) };
}
