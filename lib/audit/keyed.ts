import { timingSafeEqual, type KeyObject } from 'node:crypto';
import type { ChainProblem, KeyedRecords } from './dto';
import { anchorMac, isKeyed, plainHash, recordHash, type AuditRecord } from './hash';

// The keyed part of verifying (AUDIT_HMAC_KEY, format in ./hash.ts). Pure, like ./chain.ts which uses it.
//
// Without the key a keyed record's fields cannot be checked against its hash, but its place in the chain
// can (seq, prev_hash, the anchor), and so can one made by someone without the key: a record marked keyed
// whose hash is the plain SHA-256 of its text (forged), and a plain record after a keyed one (downgraded).
// With the key the anchor's MAC shows a log rewritten or cut off end to end, anchor included.

/** How a record compares with its hash when taken as written with a given seq. */
export type Match = 'match' | 'forged' | 'mismatch' | 'unknown';

/** Compares MACs in constant time, so that the verifier tells nobody how much of a guess was right. */
function sameMac(computed: string, stored: string): boolean {
  const [a, b] = [Buffer.from(computed), Buffer.from(stored)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export function matchAt(row: AuditRecord, seq: number, key: KeyObject | null): Match {
  const fields = { ...row, seq };
  if (!isKeyed(row)) return plainHash(fields) === row.hash ? 'match' : 'mismatch';
  if (plainHash(fields) === row.hash) return 'forged';
  if (!key) return 'unknown';
  return sameMac(recordHash(fields, key), row.hash) ? 'match' : 'mismatch';
}

/**
 * The key's verdict on the keyed records: 'key_mismatch' when it matches none of them though some were
 * made with a key (it is another key, or every one of them was replaced).
 */
export function keyCheck(
  rows: AuditRecord[],
  matches: Match[],
  key: KeyObject | null,
): KeyedRecords['check'] {
  if (!key) return 'no_key';
  const keyed = matches.filter((_, i) => isKeyed(rows[i]!));
  return keyed.includes('mismatch') && !keyed.includes('match') ? 'key_mismatch' : 'checked';
}

function span(from: number, to: number): string {
  return from === to ? `#${from}` : `#${from}–#${to}`;
}

/** Runs of plain records stored after a keyed one; with a key, a log with no keyed record at all. */
export function downgrades(rows: AuditRecord[], key: KeyObject | null): ChainProblem[] {
  const first = rows.findIndex(isKeyed);
  if (first < 0) {
    const last = rows.at(-1);
    if (!key || !last) return [];
    return [
      {
        kind: 'downgraded',
        seq: last.seq,
        message:
          'No record is keyed, though a key was given: the log was never written with this key, or it was re-hashed without it.',
      },
    ];
  }
  const found: ChainProblem[] = [];
  let run: AuditRecord[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const many = run.length > 1;
    found.push({
      kind: 'downgraded',
      seq: run[0]!.seq,
      message: `Record${many ? 's' : ''} ${span(run[0]!.seq, run.at(-1)!.seq)} ${many ? 'are' : 'is'} not keyed, though #${rows[first]!.seq} before is: re-hashed without the key, or written after the key was taken off the server.`,
    });
    run = [];
  };
  for (const row of rows.slice(first + 1)) {
    if (isKeyed(row)) flush();
    else run.push(row);
  }
  flush();
  return found;
}

/**
 * A keyed log's stored anchor must carry its MAC under the key: nobody without the key can move it. An
 * anchor noted elsewhere (mac undefined) has none to check.
 */
export function anchorProblems(
  rows: AuditRecord[],
  anchor: { seq: number; hash: string; mac?: string | null } | null,
  key: KeyObject,
): ChainProblem[] {
  if (!anchor || anchor.mac === undefined || !rows.some(isKeyed)) return [];
  if (!anchor.mac)
    return [
      {
        kind: 'downgraded',
        seq: anchor.seq,
        message:
          'The anchor carries no MAC, though the log holds keyed records: it was moved by someone without the key.',
      },
    ];
  if (sameMac(anchorMac(anchor, key), anchor.mac)) return [];
  return [
    {
      kind: 'forged',
      seq: anchor.seq,
      message:
        'The anchor does not match its MAC: it was moved without the key (the chain rewritten or its end cut off).',
    },
  ];
}

/** How many records are keyed, from which, and whether they could be checked; undefined for a plain log. */
export function keyedRecords(rows: AuditRecord[], check: KeyedRecords['check']): KeyedRecords | undefined {
  const keyed = rows.filter(isKeyed);
  if (keyed.length === 0) return undefined;
  return { count: keyed.length, from: keyed[0]!.seq, check };
}
