import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, recordHash } from '@/lib/audit/hash';
import { recordAudit } from '@/lib/audit/record';
import { closeDb } from '@/lib/db';

// Row 34: copy the store, tamper with the copy as someone with the file would (the append-only
// triggers dropped first), and run the operator's verifier on it.

const dir = mkdtempSync(join(tmpdir(), 'certdesk-audit-'));
const original = join(dir, 'certdesk.db');
process.env.DATABASE_URL = original;

type Run = { code: number; out: string };
async function verify(...args: string[]): Promise<Run> {
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
    env: { ...process.env, DATABASE_URL: original },
  });
  return run.then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
}

let copies = 0;
/** A copy of the store with `tamper` applied to it, as a file path. */
function tampered(tamper: (db: SQLite.Database) => void): string {
  const file = join(dir, `copy-${++copies}.db`);
  copyFileSync(original, file);
  const db = new SQLite(file);
  db.exec('drop trigger audit_events_no_update; drop trigger audit_events_no_delete;');
  tamper(db);
  db.close();
  return file;
}

let head = '';
beforeAll(async () => {
  for (let i = 1; i <= 10; i++) {
    await recordAudit({
      actor: { userId: `u${i % 2}`, email: `u${i % 2}@example.test`, role: 'operator' },
      action: 'request.submit',
      target: `request:r${i}`,
      outcome: i % 3 ? 'success' : 'failure',
      details: { i },
    });
  }
  await closeDb();
  const db = new SQLite(original, { readonly: true });
  const row = db.prepare('select seq, hash from audit_events order by seq desc limit 1').get() as {
    seq: number;
    hash: string;
  };
  db.close();
  head = `${row.seq}:${row.hash}`;
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run audit:verify', () => {
  it('prints OK with the record count and the head for an intact store', async () => {
    const { code, out } = await verify('--db', original);
    expect(code).toBe(0);
    expect(out.trim()).toBe(`audit chain OK: 10 records, head ${head.replace(':', ' ')}`);
    expect((await verify()).out).toContain('audit chain OK: 10 records');
  });

  it('finds every tampering of a copy, exiting 1', async () => {
    const forged = (seq: number, prev: string) => {
      const fields = {
        seq,
        at: new Date().toISOString(),
        actor_id: 'm',
        actor_email: 'mallory@example.test',
        actor_role: 'admin',
        action: 'request.cancel',
        target: 'request:r1',
        outcome: 'success',
        csr_sha256: null,
        details: canonicalJson({}),
        prev_hash: prev,
      };
      return { ...fields, hash: recordHash(fields) };
    };
    const hashOf = (db: SQLite.Database, seq: number) =>
      (db.prepare('select hash from audit_events where seq = ?').get(seq) as { hash: string }).hash;
    const insert = (db: SQLite.Database, row: ReturnType<typeof forged>) =>
      db
        .prepare(
          'insert into audit_events (seq, at, actor_id, actor_email, actor_role, action, target, outcome, csr_sha256, details, prev_hash, hash) values (@seq, @at, @actor_id, @actor_email, @actor_role, @action, @target, @outcome, @csr_sha256, @details, @prev_hash, @hash)',
        )
        .run(row);
    const cases: [string, string[]][] = [
      ['missing', ['--db', tampered((db) => db.exec('delete from audit_events where seq = 5'))]],
      [
        'altered',
        ['--db', tampered((db) => db.exec("update audit_events set outcome = 'success' where seq = 3"))],
      ],
      [
        'reordered',
        [
          '--db',
          tampered((db) =>
            db.exec(
              'update audit_events set seq = -5 where seq = 5; update audit_events set seq = 5 where seq = 6; update audit_events set seq = 6 where seq = -5',
            ),
          ),
        ],
      ],
      [
        'inserted',
        [
          '--db',
          tampered((db) => {
            db.exec(
              'update audit_events set seq = seq + 1000 where seq >= 5; update audit_events set seq = seq - 999 where seq >= 1000',
            );
            insert(db, forged(5, hashOf(db, 4)));
          }),
        ],
      ],
      ['inserted', ['--db', tampered((db) => insert(db, forged(11, hashOf(db, 10))))]],
      ['truncated', ['--db', tampered((db) => db.exec('delete from audit_events where seq > 7'))]],
      // Cut off and re-anchored: consistent in itself, caught only by the head kept elsewhere.
      [
        'truncated',
        [
          '--anchor',
          head,
          '--db',
          tampered((db) =>
            db.exec(
              `delete from audit_events where seq > 7; update audit_anchor set seq = 7, hash = '${hashOf(db, 7)}'`,
            ),
          ),
        ],
      ],
    ];
    const runs = await Promise.all(cases.map(([, args]) => verify(...args)));
    runs.forEach(({ code, out }, i) => {
      const [kind] = cases[i]!;
      expect(code, out).toBe(1);
      expect(out, `case ${i}`).toMatch(new RegExp(`^#\\d+ ${kind}: `, 'm'));
      expect(out).toMatch(/^audit chain BROKEN: \d+ problems? in \d+ records, head \d+ [0-9a-f]{64}$/m);
    });
  }, 60_000);

  it('refuses a missing file and a malformed anchor with exit 2', async () => {
    expect((await verify('--db', join(dir, 'none.db'))).code).toBe(2);
    expect((await verify('--db', original, '--anchor', 'nope')).code).toBe(2);
  });
});
