import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { readAuditChain } from '@/lib/db/audit';
import { startSimulator } from '@/lib/testing/tsb';
import { importCertificate } from '.';
import { importUnknown } from './actions';
import { findRequest, updateRequest } from './store';
import { executedLeafRequest, rejection } from './test-support';

// A confirmed import is stored on the request and in the certificate inventory in one transaction: when
// the inventory cannot be written, the request does not claim the import either.

const tsb = startSimulator();
const dir = mkdtempSync(join(tmpdir(), 'certdesk-import-'));
const label = 'SUB.leaf.example';

beforeAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = join(dir, 'certdesk.db');
});
afterEach(async () => {
  await sql`drop trigger if exists certificates_insert_down`.execute(await getDb());
  await sql`drop trigger if exists certificates_update_down`.execute(await getDb());
  await sql`drop trigger if exists requests_update_down`.execute(await getDb());
});
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

/** An issued certificate for SUB.leaf.example's own key; `inInventory: false` takes it out of the inventory. */
async function leafRequest(inInventory: boolean): Promise<string> {
  const request = await executedLeafRequest();
  if (!inInventory) {
    const db = await getDb();
    await db.deleteFrom('certificates').where('request_id', '=', request.id).execute();
  }
  return request.id;
}

async function inventory(requestId: string) {
  const db = await getDb();
  return db
    .selectFrom('certificates')
    .select(['source', 'imported_label'])
    .where('request_id', '=', requestId)
    .execute();
}

const fail = sql.raw(`begin select raise(abort, 'disk I/O error'); end`);

async function refuseCertificateWrites(): Promise<void> {
  const db = await getDb();
  await sql`create trigger certificates_insert_down before insert on certificates ${fail}`.execute(db);
  await sql`create trigger certificates_update_down before update on certificates ${fail}`.execute(db);
}

async function refuseRequestWrites(): Promise<void> {
  await sql`create trigger requests_update_down before update on requests ${fail}`.execute(await getDb());
}

const cases = [
  { name: 'in the inventory', inInventory: true, source: 'issued' },
  { name: 'not in the inventory yet', inInventory: false, source: 'imported' },
] as const;

describe.each(cases)('a confirmed import of a certificate $name', ({ inInventory, source }) => {
  it('is stored on the request and in the inventory', async () => {
    const id = await leafRequest(inInventory);
    await updateRequest(id, { error: importUnknown(label) });

    const view = await importCertificate(id, label);

    expect(view).toMatchObject({ importedLabel: label, error: null });
    expect(await findRequest(id)).toMatchObject({ importedLabel: label, error: null });
    expect(await inventory(id)).toEqual([{ source, imported_label: label }]);
  });

  it('leaves the request as it was when the inventory cannot be written', async () => {
    const id = await leafRequest(inInventory);
    await updateRequest(id, { error: importUnknown(label) });
    const before = await findRequest(id);
    const inventoryBefore = await inventory(id);
    const imports = tsb.sim.stats()['POST /v1/certificate/import/plain'] ?? 0;
    await refuseCertificateWrites();

    expect(await rejection(importCertificate(id, label))).toMatchObject({ message: 'disk I/O error' });

    expect(tsb.sim.stats()['POST /v1/certificate/import/plain']).toBe(imports + 1);
    expect(await findRequest(id)).toEqual(before);
    expect(before).toMatchObject({ importedLabel: null, error: { code: 'import_unknown', label } });
    expect(await inventory(id)).toEqual(inventoryBefore);
    // The intent was written before the TSB was asked, the failed outcome after the rollback.
    const records = (await readAuditChain()).rows.filter((row) => row.target === `request:${id}`);
    expect(records.slice(-2)).toMatchObject([
      { action: 'certificate.import.intent', outcome: 'success' },
      { action: 'certificate.import', outcome: 'failure' },
    ]);
  });

  it('leaves the inventory as it was when the request cannot be written', async () => {
    const id = await leafRequest(inInventory);
    const inventoryBefore = await inventory(id);
    await refuseRequestWrites();

    expect(await rejection(importCertificate(id, label))).toMatchObject({ message: 'disk I/O error' });

    expect(await inventory(id)).toEqual(inventoryBefore);
    expect(await findRequest(id)).toMatchObject({ importedLabel: null, error: null });
  });
});
