import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { verifyChain, type ChainAnchor } from '@/lib/audit/chain';
import { openIntents } from '@/lib/audit/completeness';
import type { AuditRecord } from '@/lib/audit/hash';

// Checks the audit log of a CertDesk database file, opened read-only (nothing is migrated or written):
//   npm run audit:verify -- [--db FILE] [--anchor SEQ:HASH]
// FILE defaults to DATABASE_URL, else data/certdesk.db. The chain is checked against the anchor stored
// beside it, or against --anchor: a head noted elsewhere earlier (an off-box copy, a ticket, the last
// line of AUDIT_LOG_FILE). Prints "audit chain OK: N records, head SEQ HASH", or every problem and
// exits 1. Compare the printed head with the off-box copy: a log cut off and re-anchored by someone with
// write access to the file verifies on its own, but not against a head kept elsewhere.

const usage = 'usage: npm run audit:verify -- [--db FILE] [--anchor SEQ:HASH]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function readArgs() {
  try {
    return parseArgs({
      options: { db: { type: 'string' }, anchor: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}

function databaseFile(db: string | undefined): string {
  const url = db ?? (process.env.DATABASE_URL?.trim() || 'data/certdesk.db');
  if (url === ':memory:')
    fail('An in-memory database cannot be verified from outside the process; name a file with --db.');
  const file = resolve(url.replace(/^(file|sqlite):/, ''));
  if (!existsSync(file)) fail(`No database file at ${file}.`);
  return file;
}

function parseAnchor(text: string): ChainAnchor {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) fail(`--anchor must be SEQ:HASH (a seq and 64 hex digits), not ${text}\n${usage}`);
  return { seq: Number(match[1]), hash: match[2]! };
}

function readChain(file: string): { rows: AuditRecord[]; anchor: ChainAnchor } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the rows and the anchor come from the same moment even while CertDesk writes.
    return db.transaction(() => ({
      rows: db.prepare('select * from audit_events order by seq').all() as AuditRecord[],
      anchor:
        (db.prepare('select seq, hash from audit_anchor where id = 1').get() as ChainAnchor | undefined) ??
        null,
    }))();
  } catch (error) {
    return fail(`Cannot read the audit log of ${file}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

const args = readArgs();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const file = databaseFile(args.db);
const { rows, anchor: stored } = readChain(file);
const anchor = args.anchor ? parseAnchor(args.anchor) : stored;
const verdict = verifyChain(rows, anchor);
const head = verdict.head ? `${verdict.head.seq} ${verdict.head.hash}` : '(empty)';
// Reported, not failed on: an open intent is a question for a person, not a sign of tampering.
for (const intent of openIntents(rows))
  console.log(
    `#${intent.seq} open: ${intent.action} was logged as intended at ${intent.at} but has no outcome.`,
  );
if (verdict.ok) {
  console.log(`audit chain OK: ${verdict.count} records, head ${head}`);
  process.exit(0);
}
for (const problem of verdict.problems) console.log(`#${problem.seq} ${problem.kind}: ${problem.message}`);
console.log(
  `audit chain BROKEN: ${verdict.problems.length} problem${verdict.problems.length === 1 ? '' : 's'} in ${verdict.count} records, head ${head}`,
);
process.exit(1);
