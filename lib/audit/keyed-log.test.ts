import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { actors } from '@/lib/authz/test-support';
import { getAuditConfig, resetAuditConfig } from '@/lib/config';
import { closeDb } from '@/lib/db';
import { readAuditChain } from '@/lib/db/audit';
import { verifyChain } from './chain';
import { anchorMac } from './hash';
import { recordAudit } from './record';
import { verifyAuditLog } from './service';

// The writer and the app's verification with AUDIT_HMAC_KEY, on a real SQLite file: a log begun without
// the key goes on keyed once it is set.

const dir = mkdtempSync(join(tmpdir(), 'certdesk-keyed-'));
process.env.DATABASE_URL = join(dir, 'certdesk.db');
const keyText = randomBytes(32).toString('base64');

const { auditor } = actors;
const actor = { userId: 'u-1', email: 'olivia@example.test', role: 'operator' };
const write = (n: number) =>
  recordAudit({
    actor,
    action: 'request.submit',
    target: `request:r${n}`,
    outcome: 'success',
    details: { n },
  });

function useKey(text: string | undefined): void {
  if (text === undefined) vi.stubEnv('AUDIT_HMAC_KEY', '');
  else vi.stubEnv('AUDIT_HMAC_KEY', text);
  resetAuditConfig();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetAuditConfig();
});
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

describe('the audit log with AUDIT_HMAC_KEY', () => {
  it('keeps the records written before the key plain and chains the later ones with HMAC, the anchor too', async () => {
    useKey(undefined);
    for (let n = 1; n <= 3; n++) await write(n);
    useKey(keyText);
    for (let n = 4; n <= 6; n++) await write(n);
    const { rows, anchor } = await readAuditChain();
    expect(rows.map((r) => r.hash_alg).join()).toBe(
      'sha256,sha256,sha256,hmac-sha256,hmac-sha256,hmac-sha256',
    );
    const key = getAuditConfig().hmacKey!;
    expect(anchor).toEqual({ seq: 6, hash: rows[5]!.hash, mac: anchorMac(rows[5]!, key) });
    expect(verifyChain(rows, anchor, key)).toMatchObject({
      ok: true,
      keyed: { count: 3, from: 4, check: 'checked' },
    });
  });

  it('verifies in the app with the server’s key and records what it found', async () => {
    useKey(keyText);
    const verdict = await verifyAuditLog(auditor);
    expect(verdict).toMatchObject({ ok: true, count: 6, keyed: { count: 3, from: 4, check: 'checked' } });
    const { rows } = await readAuditChain();
    expect(rows.at(-1)).toMatchObject({
      action: 'audit.verify',
      outcome: 'success',
      hash_alg: 'hmac-sha256',
    });
    expect(JSON.parse(rows.at(-1)!.details)).toMatchObject({ keyed: { count: 3, check: 'checked' } });
  });

  it('reports the keyed records as not checked when the server has no key', async () => {
    const { rows, anchor } = await readAuditChain();
    useKey(undefined);
    expect(verifyChain(rows, anchor, getAuditConfig().hmacKey)).toMatchObject({
      ok: false,
      problems: [],
      keyed: { count: 4, from: 4, check: 'no_key' },
    });
  });

  it('shows a record written after the key was taken off the server as a downgrade', async () => {
    useKey(undefined);
    await write(8);
    const { rows, anchor } = await readAuditChain();
    expect(rows.at(-1)!.hash_alg).toBe('sha256');
    expect(anchor!.mac).toBeNull();
    useKey(keyText);
    const verdict = await verifyAuditLog(auditor);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        kind: 'downgraded',
        seq: 8,
        message: expect.stringMatching(/^Record #8 is not keyed/) as string,
      }),
    );
  });

  it('refuses to write when the key is malformed, and writes nothing', async () => {
    const before = (await readAuditChain()).rows.length;
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    useKey(randomBytes(16).toString('base64'));
    await expect(write(99)).rejects.toMatchObject({ status: 503, code: 'audit_unavailable' });
    expect((await readAuditChain()).rows).toHaveLength(before);
    expect(error.mock.calls.join('\n')).toMatch(/AUDIT_HMAC_KEY: must be at least 32 bytes/);
    error.mockRestore();
  });
});
