import { describe, expect, it } from 'vitest';
import { readAuditChain } from '@/lib/db/audit';
import { genesisHash, recordHash } from './hash';
import { recordAudit } from './record';

const actor = { userId: 'u-1', email: 'olivia@example.test', role: 'operator' };

describe('recordAudit', () => {
  it('appends records chained by seq and hash, the anchor at the head', async () => {
    await recordAudit({ actor, action: 'request.submit.intent', target: 'request:r1', outcome: 'success', csrSha256: 'ab'.repeat(32), details: { b: 1, a: [2, { d: 1, c: 0 }] } });
    await recordAudit({ actor: { userId: null, email: null, role: null }, action: 'auth.sign_in', target: null, outcome: 'failure' });
    const { rows, anchor } = await readAuditChain();
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({ actor_email: 'olivia@example.test', actor_role: 'operator', details: '{"a":[2,{"c":0,"d":1}],"b":1}', prev_hash: genesisHash });
    expect(rows[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[1]).toMatchObject({ actor_id: null, details: '{}', prev_hash: rows[0]!.hash, csr_sha256: null });
    for (const row of rows) expect(recordHash(row)).toBe(row.hash);
    expect(anchor).toEqual({ seq: 2, hash: rows[1]!.hash });
  });

  it('keeps seq gap-free and the chain linked under 200 concurrent writers', async () => {
    const before = (await readAuditChain()).rows.length;
    await Promise.all(Array.from({ length: 200 }, (_, i) => recordAudit({ actor, action: 'test.concurrent', target: `n:${i}`, outcome: 'success' })));
    const { rows, anchor } = await readAuditChain();
    expect(rows).toHaveLength(before + 200);
    rows.forEach((row, index) => {
      expect(row.seq).toBe(index + 1);
      expect(row.prev_hash).toBe(index === 0 ? genesisHash : rows[index - 1]!.hash);
    });
    expect(anchor?.seq).toBe(rows.length);
  });
});
