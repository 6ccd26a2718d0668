import { randomBytes, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain, type ChainAnchor } from './chain';
import type { ChainProblem } from './dto';
import { anchorMac, genesisHash, plainHash, recordHash, type AuditRecord } from './hash';
import { testRecord } from './test-records';
import { parseAuditKey } from './key';

// The keyed chain (AUDIT_HMAC_KEY): records 1–5 written before the key was set, 6–20 with it.

function keyOf(text: string) {
  const parsed = parseAuditKey(text);
  if (!('key' in parsed)) throw new Error(parsed.problem);
  return parsed.key;
}
const key = keyOf(randomBytes(32).toString('base64'));
const otherKey = keyOf(randomBytes(32).toString('base64'));

type Alg = NonNullable<AuditRecord['hash_alg']>;

function record(seq: number, prevHash: string, alg: Alg, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return testRecord(seq, prevHash, { hash_alg: alg, ...overrides }, key);
}

/** Records `from`..20 of `rows` made again as someone without the key would: plain, or marked keyed. */
function rehashedFrom(rows: AuditRecord[], from: number, as: 'plain' | 'marked keyed'): AuditRecord[] {
  const out = rows.slice(0, from - 1);
  for (const row of rows.slice(from - 1)) {
    const fields = {
      ...row,
      prev_hash: out.at(-1)?.hash ?? genesisHash,
      outcome: row.seq === from ? 'failure' : row.outcome,
      hash_alg: as === 'plain' ? ('sha256' as const) : ('hmac-sha256' as const),
    };
    out.push({ ...fields, hash: plainHash(fields) });
  }
  return out;
}

function chain(n: number, keyedFrom: number): AuditRecord[] {
  const rows: AuditRecord[] = [];
  for (let seq = 1; seq <= n; seq++)
    rows.push(record(seq, rows.at(-1)?.hash ?? genesisHash, seq >= keyedFrom ? 'hmac-sha256' : 'sha256'));
  return rows;
}

/** The anchor a keyed writer stores for the last of `rows`. */
const anchorOf = (rows: AuditRecord[]) => {
  const head = { seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash };
  return { ...head, mac: anchorMac(head, key) };
};
/** The anchor someone without the key can write: the head, with the MAC left as it was or dropped. */
const movedAnchor = (rows: AuditRecord[], mac: string | null) => ({ ...anchorOf(rows), mac });

const original = chain(20, 6);
const copy = () => original.map((row) => ({ ...row }));

function problems(
  rows: AuditRecord[],
  anchor: ChainAnchor = anchorOf(original),
  k: KeyObject | null = key,
): ChainProblem[] {
  const verdict = verifyChain(rows, anchor, k);
  expect(verdict.ok).toBe(false);
  return verdict.ok ? [] : verdict.problems;
}
const kinds = (found: ChainProblem[]) => found.map((p) => p.kind);

describe('verifyChain with a key', () => {
  it('accepts plain records followed by keyed ones, checked with the key', () => {
    expect(verifyChain(original, anchorOf(original), key)).toEqual({
      ok: true,
      count: 20,
      head: { seq: 20, hash: original[19]!.hash },
      keyed: { count: 15, from: 6, check: 'checked' },
    });
    const allKeyed = chain(5, 1);
    expect(verifyChain(allKeyed, anchorOf(allKeyed), key)).toMatchObject({
      ok: true,
      keyed: { count: 5, from: 1 },
    });
  });

  it('hashes a keyed record with the marker inside what the key covers', () => {
    const row = original[9]!;
    expect(row.hash).not.toBe(plainHash(row));
    expect(recordHash({ ...row, hash_alg: 'sha256' })).not.toBe(plainHash(row));
    expect(() => recordHash(row)).toThrow(/needs the key/);
  });

  it('detects a change of any field of a keyed record', () => {
    for (const field of [
      'at',
      'actor_email',
      'action',
      'target',
      'outcome',
      'details',
      'prev_hash',
    ] as const) {
      const rows = copy();
      rows[9]![field] = `${rows[9]![field]}x`;
      expect(problems(rows), field).toContainEqual(expect.objectContaining({ kind: 'altered', seq: 10 }));
    }
  });

  it('detects a record rewritten and the chain re-hashed without the key from there, anchor moved too', () => {
    for (const from of [12, 6, 1]) {
      const plain = rehashedFrom(copy(), from, 'plain');
      for (const mac of [anchorOf(original).mac, null]) {
        const found = problems(plain, movedAnchor(plain, mac));
        expect(kinds(found), `plain from #${from}`).toContain('downgraded');
      }
      const marked = rehashedFrom(copy(), from, 'marked keyed');
      expect(problems(marked, movedAnchor(marked, anchorOf(original).mac))).toContainEqual(
        expect.objectContaining({ kind: 'forged', seq: from }),
      );
    }
  });

  it('detects a tail cut off and the anchor moved back without the key', () => {
    const cut = copy().slice(0, 15);
    expect(kinds(problems(cut, movedAnchor(cut, anchorOf(original).mac)))).toEqual(['forged']);
    expect(kinds(problems(cut, movedAnchor(cut, null)))).toEqual(['downgraded']);
    // A head noted elsewhere has no MAC; the cut shows against it as before.
    expect(kinds(problems(cut, { seq: 20, hash: original[19]!.hash }))).toEqual(['truncated']);
  });

  it('flags every single deletion, adjacent swap and insertion of keyed records', () => {
    for (let i = 5; i < original.length; i++) {
      const deleted = copy().filter((_, j) => j !== i);
      expect(kinds(problems(deleted)), `delete #${i + 1}`).toContain(
        i === original.length - 1 ? 'truncated' : 'missing',
      );
      if (i + 1 < original.length) {
        const swapped = copy();
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(kinds(problems(swapped)), `swap #${i + 1}`).toContain('reordered');
      }
      const rows = copy();
      const forged = { ...rows[i]!, seq: i + 1, prev_hash: rows[i - 1]!.hash, outcome: 'denied' };
      const inserted = [
        ...rows.slice(0, i),
        { ...forged, hash: plainHash(forged) },
        ...rows.slice(i).map((row) => ({ ...row, seq: row.seq + 1 })),
      ];
      expect(kinds(problems(inserted)), `insert at #${i + 1}`).toEqual(
        expect.arrayContaining(['forged', 'inserted']),
      );
    }
  });

  it('reports plain records after a keyed one as a downgrade, with or without the key', () => {
    const rows = copy();
    rows.push(record(21, rows[19]!.hash, 'sha256'));
    rows.push(record(22, rows[20]!.hash, 'sha256'));
    const anchor = movedAnchor(rows, null);
    const expected: unknown = expect.objectContaining({
      kind: 'downgraded',
      seq: 21,
      message: expect.stringContaining('Records #21–#22 are not keyed') as string,
    });
    expect(problems(rows, anchor)).toContainEqual(expected);
    expect(problems(rows, anchor, null)).toEqual([expected]);
  });

  it('reports a log with no keyed record when a key is given', () => {
    const plain = chain(4, 99);
    expect(problems(plain, { ...anchorOf(plain), mac: null })).toEqual([
      expect.objectContaining({ kind: 'downgraded', seq: 4 }),
    ]);
    expect(verifyChain(plain, { ...anchorOf(plain), mac: null })).toMatchObject({ ok: true });
  });
});

describe('verifyChain without the key', () => {
  it('reports keyed records as not checked, not as OK, and still checks the plain ones and the links', () => {
    expect(verifyChain(original, anchorOf(original))).toEqual({
      ok: false,
      count: 20,
      head: { seq: 20, hash: original[19]!.hash },
      keyed: { count: 15, from: 6, check: 'no_key' },
      problems: [],
    });
    const rows = copy();
    rows[2]!.outcome = 'failure';
    expect(problems(rows, anchorOf(original), null)).toEqual([
      expect.objectContaining({ kind: 'altered', seq: 3 }),
    ]);
    const deleted = copy().filter((row) => row.seq !== 12);
    expect(kinds(problems(deleted, anchorOf(original), null))).toContain('missing');
  });

  it('still finds a record marked keyed but hashed without the key', () => {
    const marked = rehashedFrom(copy(), 12, 'marked keyed');
    expect(kinds(problems(marked, movedAnchor(marked, null), null))).toContain('forged');
  });

  it('reports another key as matching none of the keyed records, not as every record altered', () => {
    const verdict = verifyChain(original, anchorOf(original), otherKey);
    expect(verdict).toMatchObject({ ok: false, keyed: { check: 'key_mismatch' }, problems: [] });
  });
});
