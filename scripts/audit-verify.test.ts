import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, plainHash, recordHash, type AuditRecord } from '@/lib/audit/hash';
import { recordAudit } from '@/lib/audit/record';
import { resetAuditConfig } from '@/lib/config';
import { closeDb } from '@/lib/db';

// Row 34: copy the store, tamper with the copy as someone with the file would (the append-only
// triggers dropped first), and run the operator's verifier on it.

const dir = mkdtempSync(join(tmpdir(), 'certdesk-audit-'));
const original = join(dir, 'certdesk.db');
process.env.DATABASE_URL = original;

type Run = { code: number; out: string };
async function verify(...args: string[]): Promise<Run> {
  return verifyWith({}, ...args);
}
async function verifyWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
    env: { ...process.env, DATABASE_URL: original, ...env },
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
/** A copy of the store (`original` unless named) with `tamper` applied to it, as a file path. */
function tampered(tamper: (db: SQLite.Database) => void, store = original): string {
  const file = join(dir, `copy-${++copies}.db`);
  copyFileSync(store, file);
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

// A store begun without AUDIT_HMAC_KEY (records 1–4) and keyed from record 5 on.
describe('npm run audit:verify on a keyed store', () => {
  const keyed = join(dir, 'keyed.db');
  const keyFile = join(dir, 'audit-hmac.key');
  const keyText = randomBytes(32).toString('base64');
  let keyedHead = '';

  beforeAll(async () => {
    process.env.DATABASE_URL = keyed;
    writeFileSync(keyFile, `${keyText}\n`, { mode: 0o600 });
    for (let i = 1; i <= 10; i++) {
      if (i === 5) {
        process.env.AUDIT_HMAC_KEY = keyText;
        resetAuditConfig();
      }
      await recordAudit({
        actor: { userId: 'u1', email: 'u1@example.test', role: 'operator' },
        action: 'request.submit',
        target: `request:r${i}`,
        outcome: 'success',
        details: { i },
      });
    }
    await closeDb();
    delete process.env.AUDIT_HMAC_KEY;
    resetAuditConfig();
    process.env.DATABASE_URL = original;
    const db = new SQLite(keyed, { readonly: true });
    const row = db.prepare('select seq, hash from audit_events order by seq desc limit 1').get() as {
      seq: number;
      hash: string;
    };
    db.close();
    keyedHead = `${row.seq} ${row.hash}`;
  }, 30_000);

  /** The store with record `from` changed and every record from there re-hashed without the key. */
  const rehashed = (from: number, as: 'plain' | 'marked keyed', anchorMac: 'kept' | 'dropped') =>
    tampered((db) => {
      const rows = db.prepare('select * from audit_events order by seq').all() as Required<AuditRecord>[];
      const update = db.prepare(
        'update audit_events set outcome = @outcome, prev_hash = @prev_hash, hash = @hash, hash_alg = @hash_alg where seq = @seq',
      );
      let prev = rows[from - 2]?.hash;
      for (const row of rows.slice(from - 1)) {
        const fields = {
          ...row,
          outcome: row.seq === from ? 'failure' : row.outcome,
          prev_hash: prev ?? row.prev_hash,
          hash_alg: as === 'plain' ? ('sha256' as const) : ('hmac-sha256' as const),
        };
        const hash = plainHash(fields);
        update.run({ ...fields, hash });
        prev = hash;
      }
      const macSql = anchorMac === 'dropped' ? ', mac = null' : '';
      db.prepare(`update audit_anchor set seq = ?, hash = ?${macSql}`).run(rows.length, prev);
    }, keyed);

  it('checks keyed records with --key-file or AUDIT_HMAC_KEY, and says how many were keyed', async () => {
    const ok = `audit chain OK: 10 records (6 keyed from #5, checked with the key), head ${keyedHead}`;
    const [byFile, byEnv] = await Promise.all([
      verify('--db', keyed, '--key-file', keyFile),
      verifyWith({ AUDIT_HMAC_KEY: keyText }, '--db', keyed),
    ]);
    expect(byFile).toEqual({ code: 0, out: `${ok}\n` });
    expect(byEnv).toEqual({ code: 0, out: `${ok}\n` });
  });

  it('reports keyed records it has no key for, or the wrong key, as not verified (exit 3), not as OK', async () => {
    const wrongKey = join(dir, 'other.key');
    writeFileSync(wrongKey, randomBytes(32).toString('base64'));
    const [none, wrong] = await Promise.all([
      verify('--db', keyed),
      verify('--db', keyed, '--key-file', wrongKey),
    ]);
    expect(none.code).toBe(3);
    expect(none.out).toContain(
      '#5 unverifiable: 6 keyed records from #5 cannot be checked without the key (--key-file FILE or AUDIT_HMAC_KEY).',
    );
    expect(none.out).toMatch(
      /^audit chain NOT VERIFIED: 6 of 10 records are keyed and were not checked, head /m,
    );
    expect(none.out).not.toMatch(/audit chain OK/);
    expect(wrong.code).toBe(3);
    expect(wrong.out).toMatch(/^#5 unverifiable: the key given matches none of the 6 keyed records from #5/m);
  });

  it('finds records rewritten and re-hashed without the key, the anchor moved along, exiting 1', async () => {
    const cases: [string, string[]][] = [
      ['downgraded', ['--db', rehashed(7, 'plain', 'kept')]],
      ['forged', ['--db', rehashed(7, 'marked keyed', 'kept')]],
      // From the first keyed record on: no keyed record is left, and only the key shows it.
      ['downgraded', ['--db', rehashed(5, 'plain', 'dropped')]],
      [
        'forged',
        [
          '--db',
          tampered(
            (db) =>
              db.exec(
                `delete from audit_events where seq > 8; update audit_anchor set seq = 8, hash = (select hash from audit_events where seq = 8)`,
              ),
            keyed,
          ),
        ],
      ],
      [
        'altered',
        [
          '--db',
          tampered((db) => db.exec("update audit_events set outcome = 'failure' where seq = 6"), keyed),
        ],
      ],
      ['missing', ['--db', tampered((db) => db.exec('delete from audit_events where seq = 6'), keyed)]],
    ];
    const runs = await Promise.all(cases.map(([, args]) => verify(...args, '--key-file', keyFile)));
    runs.forEach(({ code, out }, i) => {
      const [kind] = cases[i]!;
      expect(code, out).toBe(1);
      expect(out, `case ${i}`).toMatch(new RegExp(`^#\\d+ ${kind}: `, 'm'));
      expect(out).toMatch(/^audit chain BROKEN: \d+ problems? in \d+ records, head \d+ [0-9a-f]{64}$/m);
    });
    // Without the key, a plain record after a keyed one and a keyed one hashed without it still show.
    const unkeyed = await Promise.all([verify(...cases[0]![1]), verify(...cases[1]![1])]);
    expect(unkeyed.map((run) => run.code)).toEqual([1, 1]);
    expect(unkeyed[0].out).toMatch(/^#7 downgraded: /m);
    expect(unkeyed[1].out).toMatch(/^#7 forged: /m);
  }, 60_000);

  it('refuses a key file it cannot read or that holds no key, with exit 2 and without printing it', async () => {
    const bad = join(dir, 'bad.key');
    const short = randomBytes(16).toString('base64');
    writeFileSync(bad, short);
    const [missing, malformed] = await Promise.all([
      verify('--db', keyed, '--key-file', join(dir, 'none.key')),
      verify('--db', keyed, '--key-file', bad),
    ]);
    expect(missing).toMatchObject({
      code: 2,
      out: expect.stringContaining('Cannot read the key file') as string,
    });
    expect(malformed.code).toBe(2);
    expect(malformed.out).toContain('must be at least 32 bytes');
    expect(malformed.out).not.toContain(short);
  });
});
