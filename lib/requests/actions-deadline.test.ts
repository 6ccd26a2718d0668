import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateListQuerySchema, type RequestView } from '@/lib/api/dto';
import { toApiError } from '@/lib/api/errors';
import { listCertificates } from '@/lib/certificates';
import { readAuditChain } from '@/lib/db/audit';
import { pemToBase64Der } from '@/lib/pki';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, faultsSettled, setFault } from '@/mocks/tsb';
import { approveAs, tsbHeaders } from '@/mocks/tsb/testing';
import { cancelRequest, importCertificate, refreshRequestNow, submitRequest } from '.';
import * as actions from './actions';
import { refreshRequest } from './refresh';
import { findRequest } from './store';
import { executedLeafRequest, submission, systemRecords } from './test-support';

// SECURITY.md row 31 for the user's other actions: a cancellation (read, cancel, read), a refresh and an
// import each answer within one deadline (USER_DEADLINE_MS), and one whose answer is lost never shows a
// false success: what it did on the TSB shows on the next read, or is held as unknown.

const timeoutMs = 1_000;
const deadlineMs = 1_500;
const slowMs = 900;

/** The next call to this endpoint answers `delayMs` late (the call itself still runs). */
function slowOnce(method: string, path: string, delayMs = slowMs): void {
  setFault(tsb.sim, { method, path, toxic: 'latency', delayMs, count: 1 });
}
// CertDesk's own work (database, audit, certificate checks) after the deadline.
const slackMs = 400;
const tsb = startSimulator({ TSB_TIMEOUT_MS: String(timeoutMs), USER_DEADLINE_MS: String(deadlineMs) });

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; outcome: unknown }> {
  const started = performance.now();
  const outcome = await work().catch((error: unknown) => error);
  return { ms: performance.now() - started, outcome };
}

async function pending(commonName: string): Promise<RequestView> {
  const { request } = await submitRequest(await submission({ commonName }), randomUUID());
  expect(request.status).toBe('PENDING');
  return request;
}

/** The outcome record of the last `action` on the request, with its details. */
async function lastOutcome(action: string, requestId: string) {
  const row = (await readAuditChain()).rows.findLast(
    (r) => r.action === action && r.target === `request:${requestId}`,
  );
  return row && { outcome: row.outcome, details: JSON.parse(row.details) as Record<string, unknown> };
}

/** A certificate issued for SUB.leaf.example's own key, so that it can be imported into that key. */

async function leafKeyCertificate(): Promise<string | undefined> {
  const reply = await fetch('http://tsb.test/v1/certificate/SUB.leaf.example', { headers: tsbHeaders });
  return ((await reply.json()) as { certificate?: string }).certificate;
}

const importedFrom = async (requestId: string) =>
  (await listCertificates(certificateListQuerySchema.parse({ key: 'SUB.leaf.example' }))).certificates.filter(
    (c) => c.requestId === requestId,
  );

beforeAll(async () => {
  // Not measured: the first calls load the modules and open the database.
  await refreshRequestNow((await pending('warm-up.example')).id);
});

describe('one deadline for a cancellation', () => {
  it('a cancellation whose answer is lost: 504 cancel_unknown in time, nothing changed here, the next read shows it cancelled', async () => {
    const request = await pending('cancel-lost.example');
    slowOnce('GET', '/v1/request/:id');
    slowOnce('DELETE', '/v1/request/:id');

    const { ms, outcome } = await timed(() => cancelRequest(request.id));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(toApiError(outcome)).toMatchObject({
      status: 504,
      code: 'cancel_unknown',
      message: actions.cancelUnknownMessage,
    });
    expect(await findRequest(request.id)).toMatchObject({ status: 'PENDING', error: null });
    expect(await lastOutcome('request.cancel', request.id)).toMatchObject({
      outcome: 'failure',
      details: { error: 'cancel_unknown' },
    });

    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    // The TSB did cancel it after CertDesk stopped waiting: the tracker's next read says so.
    expect(tsb.sim.requests.get(request.tsbRequestId!)?.status).toBe('CANCELLED');
    expect((await refreshRequest((await findRequest(request.id))!)).status).toBe('CANCELLED');
    expect(await systemRecords(request.id, 'system:tracker')).toEqual([
      'request.cancelled.intent success PENDING→CANCELLED',
      'request.cancelled success PENDING→CANCELLED',
    ]);
  });

  it('a cancellation taken with no time left to read after it: answered in time as last read, then read as cancelled', async () => {
    const request = await pending('cancel-unread.example');
    setFault(tsb.sim, { method: 'GET', path: '/v1/request/:id', toxic: 'latency', delayMs: 0, count: 1 });
    slowOnce('DELETE', '/v1/request/:id', 700);
    slowOnce('GET', '/v1/request/:id');

    const { ms, outcome } = await timed(() => cancelRequest(request.id));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(outcome).toMatchObject({ id: request.id, status: 'PENDING' });
    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    expect((await refreshRequest((await findRequest(request.id))!)).status).toBe('CANCELLED');
  });

  it('each call within its own timeout and the deadline: the cancellation goes through', async () => {
    const request = await pending('cancel-in-time.example');
    slowOnce('DELETE', '/v1/request/:id', 300);
    expect(await cancelRequest(request.id)).toMatchObject({ status: 'CANCELLED' });
  });
});

describe('one deadline for a refresh', () => {
  it('a read and the certificate check outlasting the deadline: answered in time, nothing stored, the next read settles it', async () => {
    const request = await pending('refresh-slow.example');
    await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
    await approveAs(tsb.sim, 'bruno', request.tsbRequestId!);
    slowOnce('GET', '/v1/request/:id');
    slowOnce('GET', '/v1/certificate/:label');

    const { ms, outcome } = await timed(() => refreshRequestNow(request.id));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(toApiError(outcome)).toMatchObject({ status: 504 });
    expect(await findRequest(request.id)).toMatchObject({ status: 'PENDING', certificatePem: null });

    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    expect(await refreshRequestNow(request.id)).toMatchObject({ status: 'EXECUTED', resultMismatches: [] });
  });
});

describe('one deadline for an import', () => {
  it('an import whose answer is lost: import_unknown within the deadline, never shown or stored as imported', async () => {
    const request = await executedLeafRequest();
    slowOnce('POST', '/v1/certificate/import/plain');

    // A deadline shorter than TSB_TIMEOUT_MS: the answer comes by it, not by the call's own timeout.
    const { ms, outcome } = await timed(() =>
      actions.importCertificate(request.id, 'SUB.leaf.example', AbortSignal.timeout(400)),
    );
    expect(ms).toBeLessThan(Math.min(400 + slackMs, timeoutMs));
    const unknown = actions.importUnknown('SUB.leaf.example');
    expect(toApiError(outcome)).toMatchObject({ status: 504, code: unknown.code, message: unknown.message });
    expect(await findRequest(request.id)).toMatchObject({
      status: 'EXECUTED',
      importedLabel: null,
      error: unknown,
    });
    expect(await importedFrom(request.id)).toEqual([]);

    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    // Why it is unknown and not "not imported": the TSB did import it after CertDesk stopped waiting.
    expect(await leafKeyCertificate()).toBe(pemToBase64Der(request.certificatePem!));

    const again = await importCertificate(request.id, 'SUB.leaf.example');
    expect(again).toMatchObject({ importedLabel: 'SUB.leaf.example', error: null });
    expect(await importedFrom(request.id)).toMatchObject([{ importedLabel: 'SUB.leaf.example' }]);
  });

  it('a reset mid-answer through the audited service: import_unknown, audited as such', async () => {
    const request = await executedLeafRequest();
    setFault(tsb.sim, {
      method: 'POST',
      path: '/v1/certificate/import/plain',
      toxic: 'reset_peer',
      count: 1,
    });

    const { ms, outcome } = await timed(() => importCertificate(request.id, 'SUB.leaf.example'));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(toApiError(outcome)).toMatchObject({ status: 504, code: 'import_unknown' });
    expect(await findRequest(request.id)).toMatchObject({
      importedLabel: null,
      error: { code: 'import_unknown' },
    });
    expect(await lastOutcome('certificate.import', request.id)).toMatchObject({
      outcome: 'failure',
      details: { error: 'import_unknown', label: 'SUB.leaf.example' },
    });
  });

  it('a refusal stays a refusal: not imported, nothing marked unknown', async () => {
    const request = await executedLeafRequest();
    expect(
      toApiError(await importCertificate(request.id, 'CA.approver.example').catch((e: unknown) => e)),
    ).toMatchObject({ status: 422 });
    expect(await findRequest(request.id)).toMatchObject({ importedLabel: null, error: null });
  });
});
