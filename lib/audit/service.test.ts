import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/types';
import { auditListQuerySchema } from './dto';
import { recordAudit } from './record';
import { exportAuditEvents, listAuditEvents, readThrottleMs, verifyAuditLog } from './service';

const auditor: Actor = {
  userId: 'aud-1',
  email: 'ada@example.test',
  name: 'Ada',
  role: 'auditor',
  via: 'session',
  authenticatedAt: new Date().toISOString(),
};
const admin: Actor = { ...auditor, userId: 'adm-1', email: 'root@example.test', role: 'admin' };
const operator = { userId: 'op-1', email: 'olga@example.test', role: 'operator' };
const query = (values: Record<string, string> = {}) => auditListQuerySchema.parse(values);

afterEach(() => vi.restoreAllMocks());

async function seed() {
  await recordAudit({
    actor: operator,
    action: 'request.submit.intent',
    target: null,
    outcome: 'success',
    details: { attempt: 'a1' },
  });
  await recordAudit({
    actor: operator,
    action: 'request.submit',
    target: 'request:r1',
    outcome: 'success',
    csrSha256: 'cd'.repeat(32),
    details: { attempt: 'a1' },
  });
  await recordAudit({
    actor: operator,
    action: 'request.submit.intent',
    target: null,
    outcome: 'success',
    details: { attempt: 'a2' },
  });
  await recordAudit({
    actor: operator,
    action: 'request.submit',
    target: null,
    outcome: 'failure',
    details: { attempt: 'a2', error: 'invalid_csr' },
  });
  await recordAudit({
    actor: { userId: null, email: '=cmd|"/c calc"!A1', role: null },
    action: 'auth.sign_in',
    target: null,
    outcome: 'failure',
  });
}

describe('reading the audit log', () => {
  it('filters by target (with the intent of the same attempt), action and its sub-verbs, outcome, actor and text', async () => {
    await seed();
    const timeline = await listAuditEvents(query({ target: 'request:r1', order: 'asc' }), admin);
    expect(timeline.events.map((e) => e.action)).toEqual(['request.submit.intent', 'request.submit']);
    expect(timeline.events[1]).toMatchObject({
      actor: { email: operator.email, role: 'operator' },
      csrSha256: 'cd'.repeat(32),
      details: { attempt: 'a1' },
    });
    expect((await listAuditEvents(query({ action: 'request.submit' }), admin)).total).toBe(4);
    expect((await listAuditEvents(query({ action: 'request.submit.intent' }), admin)).total).toBe(2);
    expect((await listAuditEvents(query({ action: 'request.sub' }), admin)).total).toBe(0);
    expect(
      (await listAuditEvents(query({ outcome: 'failure', actor: operator.email }), admin)).events.map(
        (e) => e.details.error,
      ),
    ).toEqual(['invalid_csr']);
    expect((await listAuditEvents(query({ q: 'INVALID_CSR' }), admin)).total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(query({ from: today, to: today, action: 'auth' }), admin)).total).toBe(1);
    expect((await listAuditEvents(query({ to: '2000-01-01' }), admin)).total).toBe(0);
  });

  it('pages newest first by default', async () => {
    const page = await listAuditEvents(query({ pageSize: '2', page: '2' }), admin);
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.events[0]!.seq).toBeGreaterThan(page.events[1]!.seq);
    expect(page.events[0]!.seq).toBe(page.total - 2);
  });

  it('records a reader once a minute, whatever they page through', async () => {
    const reads = async () =>
      (await listAuditEvents(query({ action: 'audit.read', actor: auditor.email }), admin)).total;
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now);
    await listAuditEvents(query({ target: 'request:r1' }), auditor);
    await listAuditEvents(query({ page: '2' }), auditor);
    expect(await reads()).toBe(1);
    vi.spyOn(Date, 'now').mockReturnValue(now + readThrottleMs);
    await listAuditEvents(query(), auditor);
    expect(await reads()).toBe(2);
    const [first] = (
      await listAuditEvents(query({ action: 'audit.read', actor: auditor.email, order: 'asc' }), admin)
    ).events;
    expect(first).toMatchObject({
      target: null,
      actor: { role: 'auditor' },
      details: { filters: { target: 'request:r1' } },
    });
  });

  it('exports CSV with formula cells defused, and records the export', async () => {
    const file = await exportAuditEvents(query({ action: 'auth.sign_in' }), auditor);
    expect(file).toMatchObject({
      type: 'text/csv; charset=utf-8',
      name: expect.stringMatching(/^audit-\d{4}-\d\d-\d\d\.csv$/) as string,
    });
    const [header, row] = file.body.split('\r\n');
    expect(header).toBe(
      'seq,at,actor_id,actor_email,actor_role,action,target,outcome,csr_sha256,details,prev_hash,hash,hash_alg',
    );
    expect(row).toContain(`,"'=cmd|""/c calc""!A1",`);
    const exports = await listAuditEvents(query({ action: 'audit.export' }), admin);
    expect(exports.events[0]).toMatchObject({
      actor: { email: auditor.email },
      details: { format: 'csv', filters: { action: 'auth.sign_in' } },
    });
  });

  it('verifies the chain and records who did', async () => {
    const verdict = await verifyAuditLog(auditor);
    expect(verdict).toMatchObject({ ok: true, head: { seq: verdict.count }, openIntents: [] });
    const [record] = (await listAuditEvents(query({ action: 'audit.verify' }), admin)).events;
    expect(record).toMatchObject({
      seq: verdict.count + 1,
      outcome: 'success',
      details: { count: verdict.count, head: verdict.head, openIntents: 0 },
    });
  });
});
