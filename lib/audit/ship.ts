import 'server-only';
import { appendFile } from 'node:fs/promises';
import type { AuditRecord } from './hash';

// Off-box shipping: each committed record is appended to AUDIT_LOG_FILE as one JSON line, for a log
// shipper (or a plain `tail -F`) to carry elsewhere. JSON.stringify escapes line breaks and control
// characters, so a value can never start a forged line.

/** The stored record as one line of JSON, with a trailing newline. */
export function auditLine(record: AuditRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** Appends `record` to AUDIT_LOG_FILE when it is set; throws when the file cannot be written. */
export async function shipAuditRecord(record: AuditRecord): Promise<void> {
  const file = process.env.AUDIT_LOG_FILE?.trim();
  if (!file) return;
  await appendFile(file, auditLine(record), { encoding: 'utf8', mode: 0o600 });
}
