import type { AuditRecord } from './hash';

// Completeness beside integrity (SECURITY.md row 33): every intent ('<action>.intent') should be followed
// by its outcome ('<action>', same `attempt`). One left open means the process stopped, or the log
// could not be written, after the intent: the action may or may not have happened.

export type OpenIntent = { seq: number; action: string; at: string };

function attemptOf(details: string): string | null {
  try {
    const attempt = (JSON.parse(details) as { attempt?: unknown }).attempt;
    return typeof attempt === 'string' ? attempt : null;
  } catch {
    return null;
  }
}

/** Intents without an outcome, leaving out those younger than `graceMs` (still in flight). */
export function openIntents(rows: Iterable<AuditRecord>, now = Date.now(), graceMs = 60_000): OpenIntent[] {
  const open = new Map<string, OpenIntent>();
  for (const row of rows) {
    const attempt = attemptOf(row.details);
    if (!attempt) continue;
    if (row.action.endsWith('.intent'))
      open.set(attempt, { seq: row.seq, action: row.action.slice(0, -'.intent'.length), at: row.at });
    else open.delete(attempt);
  }
  return [...open.values()].filter((intent) => now - Date.parse(intent.at) >= graceMs);
}
