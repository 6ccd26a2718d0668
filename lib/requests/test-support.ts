import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { RequestView, SubmitRequest } from '@/lib/api/dto';
import { getDb } from '@/lib/db';
import { readAuditChain } from '@/lib/db/audit';
import { hsmCsr, makeCsr } from '@/mocks/tsb/testing';
import { submitRequest } from '.';

// Shared by the registry's specs.

/** A submission body for a fresh CSR; the approval key unless `overrides` says otherwise. */
export async function submission(overrides: Partial<SubmitRequest> = {}): Promise<SubmitRequest> {
  const commonName = overrides.commonName ?? 'svc.example';
  return {
    csrPem: await makeCsr(commonName),
    signKeyName: 'CA.approver.example',
    signatureAlgorithm: 'SHA256_WITH_RSA',
    commonName,
    certificateAuthority: false,
    keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
    extendedKeyUsage: ['SERVER_AUTH'],
    reason: 'registry test',
    ...overrides,
  };
}

/** A rejection, awaited. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

/** Makes every audit write fail, or only those of `action`, until `allowAudit`. */
export async function refuseAudit(action?: string): Promise<void> {
  const when = action === undefined ? sql`` : sql`when new.action = ${sql.lit(action)}`;
  await sql`create trigger audit_down before insert on audit_events ${when} begin select raise(abort, 'disk I/O error'); end`.execute(
    await getDb(),
  );
}

export async function allowAudit(): Promise<void> {
  await sql`drop trigger if exists audit_down`.execute(await getDb());
}

/**
 * The audit records `actorId` (a system actor) wrote about one request, oldest first, as
 * `action outcome from→to`; each intent is checked to share its attempt with the outcome after it.
 */
export async function systemRecords(requestId: string, actorId: string): Promise<string[]> {
  const rows = (await readAuditChain()).rows.filter(
    (row) => row.target === `request:${requestId}` && row.actor_id === actorId,
  );
  const details = rows.map((row) => JSON.parse(row.details) as { attempt: string; from: string; to: string });
  rows.forEach((row, i) => {
    if (!row.action.endsWith('.intent') || details[i + 1]?.attempt === details[i]!.attempt) return;
    throw new Error(`#${row.seq} ${row.action} has no outcome`);
  });
  return rows.map((row, i) => `${row.action} ${row.outcome} ${details[i]!.from}→${details[i]!.to}`);
}

/**
 * SUB.leaf.example's own CSR submitted to the key without an approval policy: signed at once, so its
 * certificate can be imported back into SUB.leaf.example.
 */
export async function executedLeafRequest(): Promise<RequestView> {
  const body = await submission({
    csrPem: await hsmCsr(),
    signKeyName: 'CA.direct.example',
    commonName: 'SUB.leaf.example',
  });
  const { request } = await submitRequest(body, randomUUID());
  expect(request.status).toBe('EXECUTED');
  return request;
}
