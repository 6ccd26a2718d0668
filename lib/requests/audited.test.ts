import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmitRequest } from '@/lib/api/dto';
import { ApiError } from '@/lib/api/errors';
import type { Actor } from '@/lib/auth/types';
import { getDb } from '@/lib/db';
import { readAuditChain, type AuditEventRow } from '@/lib/db/audit';
import { startSimulator } from '@/lib/testing/tsb';
import { cancelRequest, certificateFile, importCertificate, submitRequest } from '.';
import { rejection, submission } from './test-support';

const tsb = startSimulator();

const person = (role: Actor['role'], email: string): Actor => ({
  userId: `id-${email}`,
  email,
  name: email,
  role,
  via: 'session',
  authenticatedAt: new Date().toISOString(),
});
const operator = person('operator', 'olga@example.test');
const officer = person('officer', 'otto@example.test');

async function recordsSince(seq: number): Promise<AuditEventRow[]> {
  return (await readAuditChain()).rows.filter((row) => row.seq > seq);
}
const head = async () => (await readAuditChain()).rows.at(-1)?.seq ?? 0;
const detailsOf = (row: AuditEventRow | undefined) =>
  JSON.parse(row?.details ?? '{}') as Record<string, unknown>;

/** The intent and the outcome of one audited action, checked to belong together. */
function pair(rows: AuditEventRow[], action: string): [AuditEventRow, AuditEventRow] {
  const intent = rows.find((row) => row.action === `${action}.intent`);
  const outcome = rows.find((row) => row.action === action);
  expect(intent, `${action}.intent`).toBeDefined();
  expect(outcome, action).toBeDefined();
  expect(intent!.seq).toBeLessThan(outcome!.seq);
  expect(detailsOf(outcome).attempt).toBe(detailsOf(intent).attempt);
  return [intent!, outcome!];
}

const signCalls = () =>
  (tsb.sim.stats()['POST /v1/certificate/sign'] ?? 0) +
  (tsb.sim.stats()['POST /v1/certificate/synchronous/sign'] ?? 0);

describe('audited request services', () => {
  it('records a submission’s intent and outcome with actor, role, request, CSR SHA-256', async () => {
    const since = await head();
    const { request } = await submitRequest(await submission(), randomUUID(), operator);
    const [intent, outcome] = pair(await recordsSince(since), 'request.submit');
    const who = {
      actor_id: operator.userId,
      actor_email: operator.email,
      actor_role: 'operator',
      csr_sha256: request.csrSha256,
    };
    expect(intent).toMatchObject({ ...who, outcome: 'success', target: null });
    expect(outcome).toMatchObject({ ...who, outcome: 'success', target: `request:${request.id}` });
    expect(detailsOf(outcome)).toMatchObject({
      status: 'PENDING',
      replayed: false,
      tsbRequestId: request.tsbRequestId,
    });
    expect(request.requester).toBe(operator.email);
  });

  it('records a refused submission as a failure with its reason', async () => {
    const since = await head();
    const error = await rejection(
      submitRequest(await submission({ signKeyName: 'no.such.key' }), randomUUID(), operator),
    );
    expect(error).toBeInstanceOf(ApiError);
    const [, outcome] = pair(await recordsSince(since), 'request.submit');
    expect(outcome).toMatchObject({ outcome: 'failure', target: null });
    expect(detailsOf(outcome).error).toBe('key_not_found');
  });

  it('records cancel, download and import with the request and its CSR', async () => {
    const pending = (await submitRequest(await submission(), randomUUID(), operator)).request;
    let since = await head();
    await cancelRequest(pending.id, officer);
    const [cancelIntent, cancelled] = pair(await recordsSince(since), 'request.cancel');
    for (const row of [cancelIntent, cancelled]) {
      expect(row).toMatchObject({
        actor_email: officer.email,
        actor_role: 'officer',
        target: `request:${pending.id}`,
        csr_sha256: pending.csrSha256,
      });
    }
    expect(detailsOf(cancelled).status).toBe('CANCELLED');

    const signed = (await submitRequest(await leafSubmission(), randomUUID(), operator)).request;
    since = await head();
    await certificateFile(signed.id, 'pem', operator);
    await rejection(importCertificate(signed.id, 'CA.approver.example', operator));
    await importCertificate(signed.id, 'SUB.leaf.example', operator);
    const rows = await recordsSince(since);
    const [, downloaded] = pair(rows, 'certificate.download');
    expect(downloaded).toMatchObject({
      outcome: 'success',
      target: `request:${signed.id}`,
      csr_sha256: signed.csrSha256,
      actor_role: 'operator',
    });
    const imports = rows.filter((row) => row.action === 'certificate.import');
    expect(imports.map((row) => [row.outcome, detailsOf(row).label])).toEqual([
      ['failure', 'CA.approver.example'],
      ['success', 'SUB.leaf.example'],
    ]);
    expect(rows.filter((row) => row.action === 'certificate.import.intent')).toHaveLength(2);
  });
});

describe('when the audit log cannot be written', () => {
  const refuseAudit = async () =>
    sql`create trigger audit_down before insert on audit_events begin select raise(abort, 'disk I/O error'); end`.execute(
      await getDb(),
    );
  afterEach(async () => sql`drop trigger if exists audit_down`.execute(await getDb()));

  it('refuses a submission before it reaches the TSB', async () => {
    const body = await submission();
    const before = signCalls();
    await refuseAudit();
    const error = await rejection(submitRequest(body, randomUUID(), operator));
    expect(error).toMatchObject({ status: 503, code: 'audit_unavailable' });
    expect(signCalls()).toBe(before);
  });

  it('refuses a cancellation and a download, leaving the request as it was', async () => {
    const pending = (await submitRequest(await submission(), randomUUID(), operator)).request;
    const cancels = () => tsb.sim.stats()['DELETE /v1/request/{id}'] ?? 0;
    const before = cancels();
    expect(before, 'the cancellation in the spec above').toBeGreaterThan(0);
    await refuseAudit();
    expect(await rejection(cancelRequest(pending.id, officer))).toMatchObject({ status: 503 });
    expect(await rejection(certificateFile(pending.id, 'pem', officer))).toMatchObject({ status: 503 });
    expect(cancels()).toBe(before);
  });
});

/** A CSR made by the HSM key SUB.leaf.example, signed at once by CA.direct.example, so it can be imported. */
async function leafSubmission(): Promise<SubmitRequest> {
  const reply = await fetch('http://tsb.test/v1/certificate/synchronous/request', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'certdesk-demo-key' },
    body: JSON.stringify({
      signKeyName: 'SUB.leaf.example',
      keyPassword: null,
      signatureAlgorithm: 'SHA256_WITH_RSA',
      validity: 365,
      standardCertificateAttributes: { commonName: 'SUB.leaf.example' },
    }),
  });
  const { certificateSigningRequest } = (await reply.json()) as { certificateSigningRequest: string };
  return submission({
    csrPem: certificateSigningRequest,
    signKeyName: 'CA.direct.example',
    commonName: 'SUB.leaf.example',
  });
}
