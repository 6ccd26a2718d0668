import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRow } from '@/lib/requests/new-row';
import { submission } from '@/lib/requests/test-support';
import { importedCertificateWrite } from './certificates';
import { closeDb, getDb, type TransactionWrite } from './index';
import { findRequestRecord, insertRequestRecord, updateRequestRecord } from './requests';

// updateRequestRecord's `alongside`: another repository's write in the request's own transaction.

const dir = mkdtempSync(join(tmpdir(), 'certdesk-db-requests-'));

beforeAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = join(dir, 'certdesk.db');
});
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

const noPolicy = { label: 'k', algorithm: 'RSA', policy: null } as Parameters<typeof newRow>[1];

async function storedRequest() {
  const row = newRow(await submission(), noPolicy, 'a'.repeat(64), randomUUID(), 'hash');
  await insertRequestRecord(row);
  return row;
}

function certificate(requestId: string, label: string) {
  return {
    id: randomUUID(),
    source: 'imported' as const,
    request_id: requestId,
    sign_key_name: null,
    imported_label: label,
    serial_hex: '01',
    subject: 'CN=row.example',
    issuer: 'CN=ca.example',
    common_name: 'row.example',
    not_before: '2026-01-01T00:00:00.000Z',
    not_after: '2027-01-01T00:00:00.000Z',
    sha256_fingerprint: randomUUID(),
    pem: '-----BEGIN CERTIFICATE-----',
    created_at: new Date().toISOString(),
  };
}

async function certificatesOf(requestId: string) {
  const db = await getDb();
  return db.selectFrom('certificates').selectAll().where('request_id', '=', requestId).execute();
}

const toPending = (current: Awaited<ReturnType<typeof storedRequest>>) => ({
  ...current,
  status: 'PENDING' as const,
  history: [...current.history, { status: 'PENDING' as const, at: new Date().toISOString(), note: null }],
});

describe('updateRequestRecord with a write alongside', () => {
  it('stores the request, its history and the other write together', async () => {
    const request = await storedRequest();
    const row = certificate(request.id, 'SUB.leaf.example');

    await updateRequestRecord(request.id, toPending, importedCertificateWrite(row));

    const stored = await findRequestRecord('id', request.id);
    expect(stored?.status).toBe('PENDING');
    expect(stored?.history.map((h) => h.status)).toEqual(['SUBMITTING', 'PENDING']);
    expect(await certificatesOf(request.id)).toMatchObject([{ imported_label: 'SUB.leaf.example' }]);
  });

  it('stores nothing, not the request, its history or the other write’s first part, when that write fails', async () => {
    const request = await storedRequest();
    const failing: TransactionWrite = async (trx) => {
      await importedCertificateWrite(certificate(request.id, 'SUB.leaf.example'))(trx);
      throw new Error('disk I/O error');
    };

    await expect(updateRequestRecord(request.id, toPending, failing)).rejects.toThrow('disk I/O error');

    expect(await findRequestRecord('id', request.id)).toEqual(request);
    expect(await certificatesOf(request.id)).toEqual([]);
  });
});
