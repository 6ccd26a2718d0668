import { http, HttpResponse } from 'msw';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateListQuerySchema, type SubmitRequest } from '@/lib/api/dto';
import { listCertificates } from '@/lib/certificates';
import { ApiError, toApiError } from '@/lib/api/errors';
import { startSimulator } from '@/lib/testing/tsb';
import { approveAs, makeCsr, rejectAs } from '@/mocks/tsb/testing';
import { cancelRequest, certificateFile, refreshRequestNow, importCertificate, submitRequest } from '.';

const tsb = startSimulator();

async function input(overrides: Partial<SubmitRequest> = {}): Promise<SubmitRequest> {
  return {
    csrPem: await makeCsr('svc.example'),
    signKeyName: 'CA.approver.example',
    signatureAlgorithm: 'SHA256_WITH_RSA',
    commonName: 'svc.example',
    certificateAuthority: false,
    keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
    extendedKeyUsage: ['SERVER_AUTH'],
    reason: 'service test',
    ...overrides,
  };
}

async function refused(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const signCalls = () => tsb.sim.stats()['POST /v1/certificate/sign'] ?? 0;

describe('submitting and following a certificate request', () => {
  it('signs at once with a key without policy and checks the certificate against the request', async () => {
    const { request } = await submitRequest(await input({ signKeyName: 'CA.direct.example' }), randomUUID());
    expect(request).toMatchObject({ mode: 'sync', status: 'EXECUTED', resultMismatches: [], approval: null });
    expect(request.certificatePem).toContain('BEGIN CERTIFICATE');
    expect((await certificateFile(request.id, 'der')).body).toBeInstanceOf(Uint8Array);
  });

  it('follows an SKA request through quorum to EXECUTED, approvers by name', async () => {
    const { request } = await submitRequest(await input(), randomUUID());
    expect(request).toMatchObject({ mode: 'async', status: 'PENDING' });
    expect(request.expiresAt).not.toBeNull();
    const group = () => request.approval?.tokens[0]?.groups[0];
    expect(group()?.approvers.map((a) => a.name)).toEqual(['Alice Keller', 'Bruno Meier', 'Chloé Rossi']);

    await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
    const halfway = await refreshRequestNow(request.id);
    expect(halfway.status).toBe('PENDING');
    expect(halfway.approval?.tokens[0]?.groups[0]).toMatchObject({
      approved: 1,
      quorum: 2,
      satisfied: false,
    });
    expect(halfway.approval?.tokens[0]?.groups[0]?.approvers[0]).toMatchObject({
      name: 'Alice Keller',
      state: 'approved',
    });

    await approveAs(tsb.sim, 'bruno', request.tsbRequestId!);
    const done = await refreshRequestNow(request.id);
    expect(done).toMatchObject({ status: 'EXECUTED', resultMismatches: [] });
    expect(done.certificatePem).toContain('BEGIN CERTIFICATE');
  });

  it('shows a rejection and a cancellation, and refuses to cancel twice', async () => {
    const rejected = (await submitRequest(await input(), randomUUID())).request;
    await rejectAs(tsb.sim, 'alice', rejected.tsbRequestId!);
    await rejectAs(tsb.sim, 'chloe', rejected.tsbRequestId!);
    expect((await refreshRequestNow(rejected.id)).status).toBe('REJECTED');

    const pending = (await submitRequest(await input(), randomUUID())).request;
    expect((await cancelRequest(pending.id)).status).toBe('CANCELLED');
    expect(await refused(cancelRequest(pending.id))).toMatchObject({ status: 409, code: 'not_cancellable' });
  });

  it('sends each Idempotency-Key once: a replay returns the stored request, another body is a 422', async () => {
    const key = randomUUID();
    const body = await input();
    const before = signCalls();
    const first = await submitRequest(body, key);
    const again = await submitRequest(body, key);
    expect(again).toEqual({ request: first.request, replayed: true });
    expect(signCalls()).toBe(before + 1);
    expect(await refused(submitRequest({ ...body, commonName: 'other.example' }, key))).toMatchObject({
      status: 422,
    });
  });

  it('refuses a tampered CSR before anything reaches the TSB', async () => {
    const pem = await makeCsr('tampered.example');
    const lines = pem.trim().split('\n');
    const last = lines.length - 2;
    lines[last] = lines[last]!.replace(/^(.)/, (c) => (c === 'A' ? 'B' : 'A'));
    const before = signCalls();
    const error = await refused(submitRequest(await input({ csrPem: lines.join('\n') }), randomUUID()));
    expect(error).toMatchObject({ status: 422, code: 'invalid_csr' });
    expect(error.issues?.csrPem?.[0]).toMatch(/signature/i);
    expect(signCalls()).toBe(before);
  });

  it('names the field when the key is unknown or cannot make the algorithm', async () => {
    const unknown = await refused(submitRequest(await input({ signKeyName: 'no.such.key' }), randomUUID()));
    expect(unknown.issues?.signKeyName).toBeDefined();
    const ec = await refused(submitRequest(await input({ signKeyName: 'CA.ec.example' }), randomUUID()));
    expect(ec.issues?.signatureAlgorithm?.[0]).toMatch(/EC key cannot sign with SHA256_WITH_RSA/);
  });

  it('flags an issued certificate that is not what was asked', async () => {
    const { request } = await submitRequest(await input(), randomUUID());
    const other = (
      await submitRequest(
        await input({ signKeyName: 'CA.direct.example', commonName: 'evil.example' }),
        randomUUID(),
      )
    ).request;
    tsb.server.use(
      http.get('*/v1/request/:id', () =>
        HttpResponse.json({
          id: request.tsbRequestId,
          status: 'EXECUTED',
          executionTime: '2026-01-01T00:00:00Z',
          approvedBy: [],
          notYetApprovedBy: [],
          rejectedBy: [],
          result: other.certificatePem,
        }),
      ),
    );
    const settled = await refreshRequestNow(request.id);
    expect(settled.status).toBe('EXECUTED');
    expect(settled.resultMismatches.join('\n')).toMatch(/evil\.example/);
    expect(settled.resultMismatches.join('\n')).toMatch(/issuer|signature/i);
  });

  it('imports the issued certificate into the HSM without its armor', async () => {
    const csrReply = await fetch('http://tsb.test/v1/certificate/synchronous/request', {
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
    const { certificateSigningRequest } = (await csrReply.json()) as { certificateSigningRequest: string };
    const { request } = await submitRequest(
      await input({
        csrPem: certificateSigningRequest,
        signKeyName: 'CA.direct.example',
        commonName: 'SUB.leaf.example',
      }),
      randomUUID(),
    );
    const wrongKey = await importCertificate(request.id, 'CA.approver.example').then(() => null, toApiError);
    expect(wrongKey).toMatchObject({ status: 422, code: 'certificate_refused' });
    expect((await importCertificate(request.id, 'SUB.leaf.example')).importedLabel).toBe('SUB.leaf.example');
    const inventory = await listCertificates(certificateListQuerySchema.parse({ key: 'SUB.leaf.example' }));
    expect(inventory.certificates).toMatchObject([
      { source: 'issued', requestId: request.id, importedLabel: 'SUB.leaf.example' },
    ]);
  });
});
