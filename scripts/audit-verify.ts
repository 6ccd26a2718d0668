import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { verifyChain, type ChainAnchor } from '@/lib/audit/chain';
import { openIntents } from '@/lib/audit/completeness';
import type { KeyedRecords } from '@/lib/audit/dto';
import type { AuditRecord } from '@/lib/audit/hash';
import { parseAuditKey } from '@/lib/audit/key';

// Checks the audit log of a CertDesk database file, opened read-only (nothing is migrated or written):
//   npm run audit:verify -- [--db FILE] [--anchor SEQ:HASH] [--key-file FILE]
// FILE defaults to DATABASE_URL, else data/certdesk.db. The chain is checked against the anchor stored
// beside it, or against --anchor: a head noted elsewhere earlier (an off-box copy, a ticket, the last
// line of AUDIT_LOG_FILE). Keyed records are checked with the key in --key-file, else AUDIT_HMAC_KEY.
// Prints "audit chain OK: N records, head SEQ HASH" and exits 0; every problem and exits 1; keyed
// records it had no key for (or the wrong one) and exits 3. Compare the printed head with the off-box
// copy: an unkeyed log cut off and re-anchored by someone with write access to the file verifies on its
// own, but not against a head kept elsewhere.

const usage = 'usage: npm run audit:verify -- [--db FILE] [--anchor SEQ:HASH] [--key-file FILE]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        db: { type: 'string' },
        anchor: { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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

function parseAnchor(text: string): { seq: number; hash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) fail(`--anchor must be SEQ:HASH (a seq and 64 hex digits), not ${text}\n${usage}`);
  return { seq: Number(match[1]), hash: match[2]! };
}

/** The key from --key-file, else AUDIT_HMAC_KEY, else null; a bad one stops here without printing it. */
function readKey(keyFile: string | undefined): KeyObject | null {
  let text = process.env.AUDIT_HMAC_KEY?.trim() || undefined;
  let source = 'AUDIT_HMAC_KEY';
  if (keyFile !== undefined) {
    try {
      text = readFileSync(keyFile, 'utf8');
    } catch (error) {
      fail(`Cannot read the key file ${keyFile}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    source = `The key in ${keyFile}`;
  }
  if (text === undefined) return null;
  const parsed = parseAuditKey(text);
  if ('problem' in parsed) fail(`${source} ${parsed.problem}.`);
  return parsed.key;
}

function readChain(file: string): { rows: AuditRecord[]; anchor: ChainAnchor } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the rows and the anchor come from the same moment even while CertDesk writes.
    // Every column: a database CertDesk has not migrated since has no hash_alg or mac (all plain).
    return db.transaction(() => {
      const rows = db.prepare('select * from audit_events order by seq').all() as AuditRecord[];
      const anchor = db.prepare('select * from audit_anchor where id = 1').get() as ChainAnchor | undefined;
      // A stored anchor without the column is one without a MAC (null), never one from elsewhere.
      return {
        rows,
        anchor: anchor ? { seq: anchor.seq, hash: anchor.hash, mac: anchor.mac ?? null } : null,
      };
    })();
  } catch (error) {
    return fail(`Cannot read the audit log of ${file}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** The line for keyed records that were not checked, or null when they were (or there are none). */
function unchecked(keyed: KeyedRecords | undefined): string | null {
  if (!keyed || keyed.check === 'checked') return null;
  const records = `${keyed.count} keyed record${keyed.count === 1 ? '' : 's'} from #${keyed.from}`;
  return keyed.check === 'no_key'
    ? `#${keyed.from} unverifiable: ${records} cannot be checked without the key (--key-file FILE or AUDIT_HMAC_KEY).`
    : `#${keyed.from} unverifiable: the key given matches none of the ${records}: it is not the key they were written with, or every one of them was replaced.`;
}

const args = readArgs();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const file = databaseFile(args.db);
const key = readKey(args['key-file']);
const { rows, anchor: stored } = readChain(file);
// A head noted elsewhere has no MAC to check: it is trusted as it is.
const anchor = args.anchor ? parseAnchor(args.anchor) : stored;
const verdict = verifyChain(rows, anchor, key);
const head = verdict.head ? `${verdict.head.seq} ${verdict.head.hash}` : '(empty)';
const keyedNote =
  verdict.keyed?.check === 'checked'
    ? ` (${verdict.keyed.count} keyed from #${verdict.keyed.from}, checked with the key)`
    : '';
// Reported, not failed on: an open intent is a question for a person, not a sign of tampering.
for (const intent of openIntents(rows))
  console.log(
    `#${intent.seq} open: ${intent.action} was logged as intended at ${intent.at} but has no outcome.`,
  );
if (verdict.ok) {
  console.log(`audit chain OK: ${verdict.count} records${keyedNote}, head ${head}`);
  process.exit(0);
}
for (const problem of verdict.problems) console.log(`#${problem.seq} ${problem.kind}: ${problem.message}`);
const unverifiable = unchecked(verdict.keyed);
if (unverifiable) console.log(unverifiable);
if (verdict.problems.length === 0) {
  console.log(
    `audit chain NOT VERIFIED: ${verdict.keyed?.count ?? 0} of ${verdict.count} records are keyed and were not checked, head ${head}`,
  );
  process.exit(3);
}
console.log(
  `audit chain BROKEN: ${verdict.problems.length} problem${verdict.problems.length === 1 ? '' : 's'} in ${verdict.count} records, head ${head}`,
);
process.exit(1);
