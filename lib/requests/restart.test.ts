import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { certificateListQuerySchema } from '@/lib/api/dto';
import { listCertificates } from '@/lib/certificates';
import { closeDb } from '@/lib/db';
import { startSimulator } from '@/lib/testing/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { refreshRequestNow, submitRequest } from '.';
import { newRow } from './new-row';
import { findRequest, insertRequest } from './store';
import { submission } from './test-support';

const tsb = startSimulator();
const dir = mkdtempSync(join(tmpdir(), 'certdesk-restart-'));

beforeAll(() => {
  process.env.DATABASE_URL = join(dir, 'nested', 'certdesk.db');
});
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps requests, their history and certificates when the database is closed and opened again', async () => {
  const sync = (
    await submitRequest(
      await submission({ signKeyName: 'CA.direct.example', commonName: 'kept.example' }),
      randomUUID(),
    )
  ).request;
  const pending = (await submitRequest(await submission({ commonName: 'waiting.example' }), randomUUID()))
    .request;
  await approveAs(tsb.sim, 'alice', pending.tsbRequestId!);
  await approveAs(tsb.sim, 'bruno', pending.tsbRequestId!);
  const executed = await refreshRequestNow(pending.id);
  expect(executed.status).toBe('EXECUTED');

  await closeDb();

  expect(await findRequest(sync.id)).toMatchObject({
    status: 'EXECUTED',
    certificatePem: sync.certificatePem,
    history: sync.history,
  });
  const reread = await findRequest(pending.id);
  expect(reread?.history.map((h) => h.status)).toEqual(['SUBMITTING', 'PENDING', 'EXECUTED']);
  expect(reread).toMatchObject({
    tsbRequestId: pending.tsbRequestId,
    approval: executed.approval,
    resultMismatches: [],
  });
  const { certificates, total } = await listCertificates(certificateListQuerySchema.parse({}));
  expect(total).toBe(2);
  expect(certificates.map((c) => c.requestId).sort()).toEqual([sync.id, pending.id].sort());
  expect(certificates.find((c) => c.requestId === sync.id)).toMatchObject({
    source: 'issued',
    commonName: 'kept.example',
    expiry: 'valid',
  });
});

it('turns a submission left SUBMITTING by a stopped process into UNKNOWN on the next start, without sending it', async () => {
  const body = await submission({ commonName: 'interrupted.example' });
  const key = { label: 'CA.approver.example', algorithm: 'RSA', policy: null } as Parameters<
    typeof newRow
  >[1];
  const row = newRow(body, key, 'a'.repeat(64), randomUUID(), 'hash');
  await insertRequest(row);
  const signCalls = tsb.sim.stats()['POST /v1/certificate/sign'] ?? 0;

  await closeDb();

  const recovered = await findRequest(row.id);
  expect(recovered).toMatchObject({ status: 'UNKNOWN', tsbRequestId: null, error: { code: 'interrupted' } });
  expect(recovered?.history.map((h) => h.status)).toEqual(['SUBMITTING', 'UNKNOWN']);
  expect(tsb.sim.stats()['POST /v1/certificate/sign'] ?? 0).toBe(signCalls);
});
