import type { KeyObject } from 'node:crypto';
import type { ChainProblem, ChainVerdict } from './dto';
import { genesisHash, type AuditRecord } from './hash';
import { anchorProblems, downgrades, keyCheck, keyedRecords, matchAt, type Match } from './keyed';

// The chain verifier. Pure: the app, `npm run audit:verify` and tests hand it rows in stored order.
//
// Each record's hash covers its seq, so a record shows which seq it was written with even after being
// renumbered or moved. The walk compares that written seq with the position it is found at (missing,
// reordered, inserted), the hash with the fields (altered), and each prev_hash with the hash of the record
// written just before (rewritten and re-hashed). A cut-off tail leaves a valid chain: only the anchor
// (the head written in the same transaction as each record) or an off-box copy of the head shows it.
// Keyed records (AUDIT_HMAC_KEY) are checked with the key when it is given; ./keyed.ts says what can be
// told without it.

/**
 * The head as last written. `mac` is its HMAC under the key when stored by a keyed writer, null when
 * stored without one; undefined for a head noted elsewhere, which is trusted as it is.
 */
export type ChainAnchor = { seq: number; hash: string; mac?: string | null } | null;

type Written = { seq: number | null; match: Match };

/**
 * The seq `row` was written with: its own when it matches its hash (or cannot be checked without the
 * key), else the first candidate that does.
 */
function writtenSeq(row: AuditRecord, candidates: (number | undefined)[], key: KeyObject | null): Written {
  const own = matchAt(row, row.seq, key);
  if (own !== 'mismatch') return { seq: row.seq, match: own };
  for (const seq of candidates) {
    if (seq === undefined || seq <= 0 || seq === row.seq) continue;
    const match = matchAt(row, seq, key);
    if (match === 'match' || match === 'forged') return { seq, match };
  }
  return { seq: null, match: 'mismatch' };
}

function writtenSeqs(rows: AuditRecord[], key: KeyObject | null): Written[] {
  const byHash = new Map(rows.map((row) => [row.hash, row]));
  let offset = 0;
  return rows.map((row) => {
    // Candidates: renumbered like the record before it, one after its predecessor, or one step off.
    const after = row.prev_hash === genesisHash ? 1 : (byHash.get(row.prev_hash)?.seq ?? -1) + 1;
    const found = writtenSeq(row, [row.seq + offset, after, row.seq - 1, row.seq + 1], key);
    if (found.seq !== null) offset = found.seq - row.seq;
    return found;
  });
}

function span(from: number, to: number): string {
  return from === to ? `#${from}` : `#${from}–#${to}`;
}

class Findings {
  readonly list: ChainProblem[] = [];
  private readonly keys = new Set<string>();
  add(kind: ChainProblem['kind'], seq: number, message: string): void {
    if (this.keys.has(`${kind}:${seq}`)) return;
    this.keys.add(`${kind}:${seq}`);
    this.list.push({ kind, seq, message });
  }
  has(seq: number): boolean {
    return this.list.some((p) => p.seq === seq);
  }
}

/**
 * Checks the hash chain of `rows` (in stored order, i.e. by seq) against `anchor`, keyed records with
 * `key` (AUDIT_HMAC_KEY). Detects records that were altered, deleted, moved, inserted, forged or
 * downgraded without the key, and a tail cut off behind the anchor. Not ok without problems when keyed
 * records could not be checked (no key, or another key). `head` is the last record, for comparison with a
 * copy kept elsewhere.
 */
export function verifyChain(
  input: Iterable<AuditRecord>,
  anchor: ChainAnchor = null,
  key: KeyObject | null = null,
): ChainVerdict {
  const rows = [...input];
  let found = writtenSeqs(rows, key);
  const check = keyCheck(
    rows,
    found.map((f) => f.match),
    key,
  );
  // Another key would call every keyed record altered: check them as if there were no key instead.
  if (check === 'key_mismatch') found = writtenSeqs(rows, null);
  const written = found.map((f) => f.seq);
  const problems = new Findings();
  walk(rows, written, problems);
  found.forEach(({ match }, i) => {
    if (match === 'forged')
      problems.add(
        'forged',
        rows[i]!.seq,
        `Record #${rows[i]!.seq} is marked keyed but hashed without the key: it was rewritten by someone who does not have it.`,
      );
  });
  for (const problem of downgrades(rows, key)) problems.add(problem.kind, problem.seq, problem.message);
  checkAnchor(rows, written, anchor, problems);
  if (key && check === 'checked')
    for (const problem of anchorProblems(rows, anchor, key))
      problems.add(problem.kind, problem.seq, problem.message);
  const last = rows.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  const keyed = keyedRecords(rows, check);
  const counted = { count: rows.length, head, ...(keyed ? { keyed } : {}) };
  if (problems.list.length === 0 && (!keyed || keyed.check === 'checked')) return { ok: true, ...counted };
  return { ok: false, ...counted, problems: problems.list };
}

function walk(rows: AuditRecord[], written: (number | null)[], problems: Findings): void {
  const present = new Set(written.filter((seq): seq is number => seq !== null));
  const referenced = new Set(rows.map((row) => row.prev_hash));
  const byWritten = new Map<number, AuditRecord[]>();
  const late = new Set<number>();
  let expected = 1;
  let shift = 0;
  rows.forEach((row, index) => {
    const known = written[index] ?? null;
    if (known === null)
      problems.add(
        'altered',
        row.seq,
        `Record #${row.seq} does not match its hash: a field was changed after it was written.`,
      );
    const seq = known ?? expected;
    const twins = byWritten.get(seq);
    let moved = false;
    // A deletion or insertion may renumber every record after it; a renumbering with no such cause is a change.
    let explained = false;
    if (seq > expected) {
      const skipped = Array.from({ length: seq - expected }, (_, i) => expected + i);
      const later = skipped.filter((s) => present.has(s) && !byWritten.has(s));
      const gone = skipped.filter((s) => !present.has(s));
      if (later.length > 0) {
        later.forEach((s) => late.add(s));
        problems.add('reordered', row.seq, `Record #${seq} is stored before #${later[0]}.`);
        moved = true;
      }
      if (gone.length > 0)
        problems.add(
          'missing',
          gone[0]!,
          `Record${gone.length > 1 ? 's' : ''} ${span(gone[0]!, gone.at(-1)!)} ${gone.length > 1 ? 'are' : 'is'} missing.`,
        );
      explained = gone.length > 0;
      expected = seq + 1;
    } else if (seq < expected && twins) {
      const [first] = twins;
      const inserted = referenced.has(first!.hash) && !referenced.has(row.hash) ? row : first!;
      problems.add(
        'inserted',
        inserted.seq,
        `Record #${inserted.seq} was inserted: #${seq} was written once, and the chain continues from the other copy.`,
      );
      explained = true;
    } else if (seq < expected) {
      if (!late.has(seq))
        problems.add('reordered', row.seq, `Record #${seq} is stored after #${expected - 1}.`);
      moved = true;
    } else {
      expected = seq + 1;
    }
    byWritten.set(seq, [...(twins ?? []), row]);
    if (known !== null && !moved && row.seq - known !== shift) {
      if (explained) shift = row.seq - known;
      else problems.add('altered', row.seq, `Record #${known} was renumbered to #${row.seq}.`);
    }
    if (known !== null) checkLink(row, known, byWritten, problems);
  });
}

/** Whether `row` continues from a record written as seq - 1; else that record was rewritten and re-hashed. */
function checkLink(
  row: AuditRecord,
  seq: number,
  byWritten: Map<number, AuditRecord[]>,
  problems: Findings,
): void {
  if (seq === 1) {
    if (row.prev_hash !== genesisHash)
      problems.add(
        'altered',
        row.seq,
        `Record #${row.seq} claims to follow another record but was written as the first.`,
      );
    return;
  }
  const before = byWritten.get(seq - 1);
  if (!before || before.some((r) => r.hash === row.prev_hash) || before.some((r) => problems.has(r.seq)))
    return;
  problems.add(
    'altered',
    before[0]!.seq,
    `Record #${before[0]!.seq} was rewritten: its hash is not the one #${seq} was chained to.`,
  );
}

function checkAnchor(
  rows: AuditRecord[],
  written: (number | null)[],
  anchor: ChainAnchor,
  problems: Findings,
): void {
  const last = rows.at(-1);
  if (!anchor) {
    if (last)
      problems.add(
        'truncated',
        last.seq + 1,
        'The anchor (the head as last written) is missing, so a cut-off tail cannot be ruled out.',
      );
    return;
  }
  const lastWritten = Math.max(0, ...written.map((seq, i) => seq ?? rows[i]!.seq));
  if (lastWritten < anchor.seq) {
    problems.add(
      'truncated',
      lastWritten + 1,
      `Records ${span(lastWritten + 1, anchor.seq)} are missing from the end: the anchor says the log reached #${anchor.seq}.`,
    );
    return;
  }
  const atAnchor = rows.filter((_, i) => written[i] === anchor.seq);
  if (atAnchor.length > 0 && !atAnchor.some((r) => r.hash === anchor.hash)) {
    problems.add(
      'altered',
      atAnchor[0]!.seq,
      `Record #${anchor.seq} is not the one the anchor recorded as the head.`,
    );
  }
  rows.forEach((row, i) => {
    const seq = written[i];
    if (seq !== null && seq !== undefined && seq > anchor.seq)
      problems.add(
        'inserted',
        row.seq,
        `Record #${row.seq} was added after the anchor (#${anchor.seq}) without moving it.`,
      );
  });
}
