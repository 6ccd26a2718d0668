import 'server-only';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { CertificateListQuery, RequestError } from '@/lib/api/dto';
import { getDb, type Db, type TransactionWrite } from './index';
import { contains } from './requests';
import type { CertificateRow, Database, NewCertificateRow } from './schema';

// The certificates repository: issued and imported certificates with their decoded summary columns, each
// read with the error of the request it was issued for (where an import's lost answer is kept).

/** A stored certificate and the error its request holds (null: none, or no request). */
export type InventoryRow = CertificateRow & { request_error: RequestError | null };

export const expiringWithinMs = 30 * 86_400_000;

async function insertOnce(db: Db, row: NewCertificateRow): Promise<void> {
  await db
    .insertInto('certificates')
    .values(row)
    .onConflict((oc) => oc.column('sha256_fingerprint').doNothing())
    .execute();
}

/** Stores a certificate once (by SHA-256 fingerprint); a second copy of the same certificate is ignored. */
export async function insertCertificate(row: NewCertificateRow): Promise<void> {
  await insertOnce(await getDb(), row);
}

/**
 * The write noting that `row`'s certificate was imported under `row.imported_label`: the stored copy's
 * label is set, or `row` is stored when the certificate is not in the inventory yet. For the transaction
 * that records the import on its request (updateRequestRecord), so that the two never disagree.
 */
export function importedCertificateWrite(
  row: NewCertificateRow & { imported_label: string },
): TransactionWrite {
  return async (trx) => {
    const result = await trx
      .updateTable('certificates')
      .set({ imported_label: row.imported_label })
      .where('sha256_fingerprint', '=', row.sha256_fingerprint)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) await insertOnce(trx, row);
  };
}

type Eb = ExpressionBuilder<Database, 'certificates'>;

// A subquery rather than a join: the filters name certificate columns that requests has too.
const requestError = (eb: Eb) =>
  eb
    .selectFrom('requests')
    .select('requests.error')
    .whereRef('requests.id', '=', 'certificates.request_id')
    .as('request_error');

// The requests repository wrote the column as JSON of a RequestError (request-rows.ts), so the cast holds.
function toInventoryRow({ request_error, ...row }: CertificateRow & { request_error: string | null }) {
  const error = request_error === null ? null : (JSON.parse(request_error) as RequestError);
  return { ...row, request_error: error };
}

export async function findCertificateRow(id: string): Promise<InventoryRow | undefined> {
  const db = await getDb();
  const row = await db
    .selectFrom('certificates')
    .selectAll('certificates')
    .select(requestError)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toInventoryRow(row);
}

function expiryCondition(
  eb: Eb,
  state: NonNullable<CertificateListQuery['expiry']>[number],
  now: Date,
): Expression<SqlBool> {
  const at = now.toISOString();
  const soon = new Date(now.getTime() + expiringWithinMs).toISOString();
  const started = eb('not_before', '<=', at);
  if (state === 'expired') return eb('not_after', '<', at);
  if (state === 'not-yet-valid') return eb('not_before', '>', at);
  if (state === 'expiring') return eb.and([started, eb('not_after', '>=', at), eb('not_after', '<', soon)]);
  return eb.and([started, eb('not_after', '>=', soon)]);
}

function filters(eb: Eb, query: CertificateListQuery, now: Date) {
  const conditions: Expression<SqlBool>[] = [];
  if (query.expiry?.length)
    conditions.push(eb.or(query.expiry.map((state) => expiryCondition(eb, state, now))));
  if (query.key)
    conditions.push(eb.or([eb('sign_key_name', '=', query.key), eb('imported_label', '=', query.key)]));
  if (query.q) {
    const columns = [
      'common_name',
      'subject',
      'issuer',
      'serial_hex',
      'sha256_fingerprint',
      'request_id',
      'sign_key_name',
      'imported_label',
    ];
    conditions.push(eb.or(columns.map((column) => contains(column, query.q!))));
  }
  return eb.and(conditions);
}

const sortColumns = {
  notAfter: 'not_after',
  notBefore: 'not_before',
  commonName: 'common_name',
  createdAt: 'created_at',
} as const;

/** Certificates matching `query`, sorted; one page of them, or every one with `all`. */
export async function listCertificateRows(
  query: CertificateListQuery,
  now: Date,
  options: { all?: boolean } = {},
): Promise<{ rows: InventoryRow[]; total: number }> {
  const db = await getDb();
  const where = (eb: Eb) => filters(eb, query, now);
  let select = db
    .selectFrom('certificates')
    .selectAll('certificates')
    .select(requestError)
    .where(where)
    .orderBy(sortColumns[query.sort], query.order)
    .orderBy('id', query.order);
  if (!options.all) select = select.limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const rows = (await select.execute()).map(toInventoryRow);
  if (options.all) return { rows, total: rows.length };
  const { total } = await db
    .selectFrom('certificates')
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}
