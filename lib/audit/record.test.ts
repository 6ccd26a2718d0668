import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditChain } from '@/lib/db/audit';
import { genesisHash, recordHash } from './hash';
import { recordAudit } from './record';

const actor = { userId: 'u-1', email: 'olivia@example.test', role: 'operator' };

describe('recordAudit', () => {
  it('appends records chained by seq and hash, the anchor at the head', async () => {
    await recordAudit({
      actor,
      action: 'request.submit.intent',
      target: 'request:r1',
      outcome: 'success',
      csrSha256: 'ab'.repeat(32),
      details: { b: 1, a: [2, { d: 1, c: 0 }] },
    });
    await recordAudit({
      actor: { userId: null, email: null, role: null },
      action: 'auth.sign_in',
      target: null,
      outcome: 'failure',
    });
    const { rows, anchor } = await readAuditChain();
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({
      actor_email: 'olivia@example.test',
      actor_role: 'operator',
      details: '{"a":[2,{"c":0,"d":1}],"b":1}',
      prev_hash: genesisHash,
    });
    expect(rows[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[1]).toMatchObject({
      actor_id: null,
      details: '{}',
      prev_hash: rows[0]!.hash,
      csr_sha256: null,
    });
    for (const row of rows) expect(recordHash(row)).toBe(row.hash);
    // No AUDIT_HMAC_KEY here: plain records, an anchor without a MAC.
    expect(rows.map((r) => r.hash_alg)).toEqual(['sha256', 'sha256']);
    expect(anchor).toEqual({ seq: 2, hash: rows[1]!.hash, mac: null });
  });

  it('keeps seq gap-free and the chain linked under 200 concurrent writers', async () => {
    const before = (await readAuditChain()).rows.length;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        recordAudit({ actor, action: 'test.concurrent', target: `n:${i}`, outcome: 'success' }),
      ),
    );
    const { rows, anchor } = await readAuditChain();
    expect(rows).toHaveLength(before + 200);
    rows.forEach((row, index) => {
      expect(row.seq).toBe(index + 1);
      expect(row.prev_hash).toBe(index === 0 ? genesisHash : rows[index - 1]!.hash);
    });
    expect(anchor?.seq).toBe(rows.length);
  });

  it('ships each record to AUDIT_LOG_FILE as one JSON line, and refuses when it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certdesk-ship-'));
    process.env.AUDIT_LOG_FILE = join(dir, 'audit.jsonl');
    try {
      await recordAudit({
        actor,
        action: 'test.ship',
        target: 'x\r\ninjected',
        outcome: 'success',
        details: { note: 'line\nbreak \u001b[31m' },
      });
      await recordAudit({ actor, action: 'test.ship', target: null, outcome: 'success' });
      const lines = readFileSync(process.env.AUDIT_LOG_FILE, 'utf8').split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toBe('');
      const { rows } = await readAuditChain();
      expect(lines.slice(0, 2).map((line) => JSON.parse(line) as unknown)).toEqual(rows.slice(-2));
      process.env.AUDIT_LOG_FILE = join(dir, 'missing', 'audit.jsonl');
      await expect(
        recordAudit({ actor, action: 'test.ship', target: null, outcome: 'success' }),
      ).rejects.toMatchObject({ status: 503, code: 'audit_unavailable' });
    } finally {
      delete process.env.AUDIT_LOG_FILE;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses values that cannot be stored as JSON', async () => {
    await expect(
      recordAudit({ actor, action: 'test.bad', target: null, outcome: 'success', details: { n: 1n } }),
    ).rejects.toMatchObject({ code: 'audit_unavailable' });
  });
});
