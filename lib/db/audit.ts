import 'server-only';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { AuditListQuery } from '@/lib/audit/dto';
import { getDb, type Db } from './index';
import { contains } from './requests';
import type { AuditEventRow, Database } from './schema';

// The audit repository: appends under a write lock, reads pages and the whole chain. Nothing here
// updates or deletes an event (the table's triggers refuse it anyway).

export type { AuditEventRow } from './schema';
export type AuditHead = { seq: number; hash: string };
export type AuditAnchor = AuditHead & { mac: string | null };

type AppendOptions = {
  /** Runs after the commit, before the next writer of this process may start: keeps shipping in seq order. */
  afterCommit?: (row: AuditEventRow) => Promise<void>;
  /** The anchor's MAC for the new head (keyed logs); without it the anchor is written with none. */
  anchorMac?: (head: AuditHead) => string;
  db?: Db;
};

/**
 * Appends the record `build` makes from the current head (null for an empty log), and moves the anchor
 * to it, in one IMMEDIATE transaction: the write lock is taken before the head is read, so writers in
 * other processes wait (busy_timeout) instead of chaining onto a stale head, and writers in this process
 * queue on Kysely's single connection. Throws when anything cannot be written.
 */
export async function appendAuditEvent(
  build: (head: AuditHead | null) => AuditEventRow,
  options: AppendOptions = {},
): Promise<AuditEventRow> {
  const database = options.db ?? (await getDb());
  return database.connection().execute(async (conn) => {
    let committed: AuditEventRow;
    await sql`begin immediate`.execute(conn);
    try {
      const head = await conn
        .selectFrom('audit_events')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const row = build(head ?? null);
      await conn.insertInto('audit_events').values(row).execute();
      const anchor = { seq: row.seq, hash: row.hash, mac: options.anchorMac?.(row) ?? null };
      await conn
        .insertInto('audit_anchor')
        .values({ id: 1, ...anchor })
        .onConflict((oc) => oc.column('id').doUpdateSet(anchor))
        .execute();
      await sql`commit`.execute(conn);
      committed = row;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
    await options.afterCommit?.(committed);
    return committed;
  });
}

/** Every event in sequence order, and the anchor: what the chain verifier reads. */
export async function readAuditChain(
  db?: Db,
): Promise<{ rows: AuditEventRow[]; anchor: AuditAnchor | null }> {
  const database = db ?? (await getDb());
  return database.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const anchor = await trx
      .selectFrom('audit_anchor')
      .select(['seq', 'hash', 'mac'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return { rows, anchor: anchor ?? null };
  });
}

type Eb = ExpressionBuilder<Database, 'audit_events'>;

function filters(eb: Eb, query: AuditListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  // An action filter takes the verb and its sub-verbs: 'request.submit' also finds 'request.submit.intent'.
  if (query.action) {
    const subVerbs = `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
    conditions.push(
      eb.or([eb('action', '=', query.action), sql<SqlBool>`action like ${subVerbs} escape '\\'`]),
    );
  }
  if (query.actor)
    conditions.push(eb.or([eb('actor_email', '=', query.actor), eb('actor_id', '=', query.actor)]));
  if (query.target) {
    // A target's timeline also holds the records of the same attempts that did not know it yet (the
    // intent of a submission is written before the request has an id).
    const attempts = sql`select json_extract(details, '$.attempt') from audit_events where target = ${query.target} and json_extract(details, '$.attempt') is not null`;
    conditions.push(
      eb.or([
        eb('target', '=', query.target),
        sql<SqlBool>`json_extract(details, '$.attempt') in (${attempts})`,
      ]),
    );
  }
  if (query.outcome?.length) conditions.push(eb('outcome', 'in', query.outcome));
  if (query.from) conditions.push(eb('at', '>=', query.from));
  if (query.to) conditions.push(eb('at', '<', query.to));
  if (query.q) {
    const columns = ['action', 'target', 'actor_email', 'actor_id', 'csr_sha256', 'details'];
    conditions.push(eb.or(columns.map((column) => contains(column, query.q!))));
  }
  return eb.and(conditions);
}

/** Events matching `query` in seq order; one page, or all of them with `all`. */
export async function listAuditRows(
  query: AuditListQuery,
  options: { all?: boolean } = {},
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const db = await getDb();
  const where = (eb: Eb) => filters(eb, query);
  let select = db.selectFrom('audit_events').selectAll().where(where).orderBy('seq', query.order);
  if (!options.all) select = select.limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const rows = await select.execute();
  if (options.all) return { rows, total: rows.length };
  const { total } = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}
