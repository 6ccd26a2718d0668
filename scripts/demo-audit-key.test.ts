import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { parseAuditKey } from '@/lib/audit/key';
import { demoAuditKey } from './demo-audit-key';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-demo-key-'));
  dirs.push(dir);
  return dir;
}

it('makes a key beside the database on the first start, readable by its owner only, and keeps it', () => {
  const dir = tempDir();
  const env = { DATABASE_URL: `file:${join(dir, 'data', 'certdesk.db')}` };
  const onCreate = vi.fn();
  const key = demoAuditKey(env, onCreate);
  const file = join(dir, 'data', 'audit-hmac.key');
  expect(onCreate).toHaveBeenCalledExactlyOnceWith(file);
  expect(parseAuditKey(key)).toHaveProperty('key');
  expect(readFileSync(file, 'utf8')).toBe(`${key}\n`);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(demoAuditKey(env, onCreate)).toBe(key);
  expect(onCreate).toHaveBeenCalledTimes(1);
  expect(demoAuditKey({ DATABASE_URL: join(tempDir(), 'certdesk.db') })).not.toBe(key);
});

it('takes AUDIT_HMAC_KEY as given, and writes nothing for an in-memory database', () => {
  expect(demoAuditKey({ AUDIT_HMAC_KEY: 'given', DATABASE_URL: '/nonexistent/x.db' })).toBe('given');
  const a = demoAuditKey({ DATABASE_URL: ':memory:' });
  expect(parseAuditKey(a)).toHaveProperty('key');
  expect(demoAuditKey({ DATABASE_URL: ':memory:' })).not.toBe(a);
});

it('refuses a kept key that is not one, rather than replacing it', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'audit-hmac.key'), 'short\n');
  expect(() => demoAuditKey({ DATABASE_URL: join(dir, 'certdesk.db') })).toThrow(/must be base64/);
  expect(readFileSync(join(dir, 'audit-hmac.key'), 'utf8')).toBe('short\n');
});
