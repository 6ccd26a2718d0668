import { describe, expect, it } from 'vitest';
import { verifyChain, type ChainAnchor } from './chain';
import type { ChainProblem } from './dto';
import { genesisHash, type AuditRecord } from './hash';
import { testRecord } from './test-records';

const record = testRecord;

function chain(n: number): AuditRecord[] {
  const rows: AuditRecord[] = [];
  for (let seq = 1; seq <= n; seq++) rows.push(record(seq, rows.at(-1)?.hash ?? genesisHash));
  return rows;
}

const anchorOf = (rows: AuditRecord[]) => ({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });

function problems(rows: AuditRecord[], anchor: ChainAnchor = anchorOf(original)): ChainProblem[] {
  const verdict = verifyChain(rows, anchor);
  expect(verdict.ok).toBe(false);
  return verdict.ok ? [] : verdict.problems;
}

const original = chain(20);
const copy = () => original.map((row) => ({ ...row }));

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', () => {
    expect(verifyChain(original, anchorOf(original))).toEqual({
      ok: true,
      count: 20,
      head: anchorOf(original),
    });
    expect(verifyChain([], null)).toEqual({ ok: true, count: 0, head: null });
  });

  const fields = [
    'seq',
    'at',
    'actor_id',
    'actor_email',
    'actor_role',
    'action',
    'target',
    'outcome',
    'csr_sha256',
    'details',
    'prev_hash',
    'hash',
  ] as const;
  it.each(fields)('detects a change of %s in one record', (field) => {
    const rows = copy();
    const row = rows[9]!;
    (row as Record<string, unknown>)[field] =
      field === 'seq' ? 99 : field === 'actor_id' ? null : `${String(row[field])}x`;
    expect(problems(rows)).toContainEqual(
      expect.objectContaining({ kind: 'altered', seq: field === 'seq' ? 99 : 10 }),
    );
  });

  it('detects a record rewritten with a fresh hash by the next record’s link, and the last one by the anchor', () => {
    const rows = copy();
    rows[9] = record(10, rows[8]!.hash, { outcome: 'failure' });
    expect(problems(rows)).toEqual([expect.objectContaining({ kind: 'altered', seq: 10 })]);
    const tail = copy();
    tail[19] = record(20, tail[18]!.hash, { outcome: 'failure' });
    expect(problems(tail)).toEqual([expect.objectContaining({ kind: 'altered', seq: 20 })]);
  });

  it('detects a deleted record, with or without the later ones renumbered', () => {
    const rows = copy();
    rows.splice(6, 1);
    expect(problems(rows)).toEqual([expect.objectContaining({ kind: 'missing', seq: 7 })]);
    const renumbered = rows.map((row) => (row.seq > 7 ? { ...row, seq: row.seq - 1 } : row));
    expect(problems(renumbered)).toContainEqual(expect.objectContaining({ kind: 'missing', seq: 7 }));
    const head = copy().slice(3);
    expect(problems(head)).toEqual([
      expect.objectContaining({ kind: 'missing', seq: 1, message: 'Records #1–#3 are missing.' }),
    ]);
  });

  it('detects two records swapped, in place or by exchanging their seq', () => {
    const rows = copy();
    [rows[4], rows[5]] = [rows[5]!, rows[4]!];
    expect(problems(rows)).toEqual([expect.objectContaining({ kind: 'reordered', seq: 6 })]);
    const exchanged = copy();
    [exchanged[4]!.seq, exchanged[5]!.seq] = [6, 5];
    exchanged.sort((a, b) => a.seq - b.seq);
    expect(problems(exchanged)).toEqual([expect.objectContaining({ kind: 'reordered', seq: 5 })]);
  });

  it('detects a well-formed record inserted in the middle, the rest renumbered', () => {
    const rows = copy();
    const forged = record(8, rows[6]!.hash, {
      action: 'request.cancel',
      actor_email: 'mallory@example.test',
    });
    const tampered = [
      ...rows.slice(0, 7),
      forged,
      ...rows.slice(7).map((row) => ({ ...row, seq: row.seq + 1 })),
    ];
    expect(problems(tampered, anchorOf(rows))).toContainEqual(
      expect.objectContaining({ kind: 'inserted', seq: 8 }),
    );
  });

  it('detects records appended behind the anchor’s back, and a cut-off tail', () => {
    const rows = copy();
    const appended = [...rows, record(21, rows[19]!.hash)];
    expect(problems(appended, anchorOf(rows))).toEqual([
      expect.objectContaining({ kind: 'inserted', seq: 21 }),
    ]);
    expect(problems(rows.slice(0, 17), anchorOf(rows))).toEqual([
      expect.objectContaining({
        kind: 'truncated',
        seq: 18,
        message: expect.stringContaining('#18–#20') as string,
      }),
    ]);
    expect(problems(rows.slice(0, 17), null)[0]).toMatchObject({ kind: 'truncated' });
  });

  it('flags every single deletion, adjacent swap and insertion at any position', () => {
    for (let i = 0; i < original.length; i++) {
      const deleted = copy().filter((_, j) => j !== i);
      expect(
        problems(deleted).map((p) => p.kind),
        `delete #${i + 1}`,
      ).toContain(i === original.length - 1 ? 'truncated' : 'missing');
      if (i + 1 < original.length) {
        const swapped = copy();
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(
          problems(swapped).map((p) => p.kind),
          `swap #${i + 1}`,
        ).toContain('reordered');
      }
      const rows = copy();
      const forged = record(i + 1, rows[i - 1]?.hash ?? genesisHash, { outcome: 'denied' });
      const inserted = [
        ...rows.slice(0, i),
        forged,
        ...rows.slice(i).map((row) => ({ ...row, seq: row.seq + 1 })),
      ];
      expect(
        problems(inserted).map((p) => p.kind),
        `insert at #${i + 1}`,
      ).toContain('inserted');
    }
  });
});
