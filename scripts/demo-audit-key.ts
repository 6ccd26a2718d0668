import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseAuditKey } from '@/lib/audit/key';

/**
 * The demo's audit key (docs/audit-log.md): AUDIT_HMAC_KEY when set, else the one kept in
 * audit-hmac.key beside the database file, made (32 random bytes, base64, mode 0600) on the first start
 * and `onCreate` told. The key stays with the data it keys, never in the repository; for an in-memory
 * database it lives as long as the process. Throws when the kept key is not one.
 */
export function demoAuditKey(
  env: Record<string, string | undefined>,
  onCreate: (file: string) => void = () => undefined,
): string {
  const given = env.AUDIT_HMAC_KEY?.trim();
  if (given) return given;
  const database = env.DATABASE_URL?.trim() || 'data/certdesk.db';
  if (database === ':memory:') return randomBytes(32).toString('base64');
  const file = join(dirname(resolve(database.replace(/^(file|sqlite):/, ''))), 'audit-hmac.key');
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': never over a key another start made, which its database's keyed records need.
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    onCreate(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = readFileSync(file, 'utf8').trim();
  const parsed = parseAuditKey(text);
  if ('problem' in parsed)
    throw new Error(
      `The audit key in ${file} ${parsed.problem}; restore it, or remove it with its database.`,
    );
  return text;
}
