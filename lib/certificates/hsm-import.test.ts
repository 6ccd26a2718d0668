import { beforeEach, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/certificates/export/route';
import { GET as detailRoute } from '@/app/api/certificates/[id]/route';
import { certificateListQuerySchema, certificateSummarySchema } from '@/lib/api/dto';
import { toApiError } from '@/lib/api/errors';
import { hsmImportOf } from '@/lib/api/hsm-import';
import { actAs, actors } from '@/lib/authz/test-support';
import { importCertificate } from '@/lib/requests';
import { findRequest } from '@/lib/requests/store';
import { executedLeafRequest } from '@/lib/requests/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, faultsSettled, setFault } from '@/mocks/tsb';
import { listCertificates } from '.';

// The certificate page and GET /api/certificates/{id} read a certificate's import state from the same
// stored state as its request's page: a lost import answer is unknown there too, never "not imported".

const tsb = startSimulator();
const detailSchema = certificateSummarySchema.extend({ pem: certificateSummarySchema.shape.subject });

beforeEach(() => {
  clearFaults(tsb.sim);
  // The routes are called as an auditor, who reads the inventory.
  actAs(actors.auditor);
});

/** A certificate issued for SUB.leaf.example's own key, so that it can be imported into that key. */
async function leafCertificate() {
  const request = await executedLeafRequest();
  const { certificates } = await listCertificates(certificateListQuerySchema.parse({ q: request.id }));
  expect(certificates).toHaveLength(1);
  return { requestId: request.id, certificateId: certificates[0]!.id };
}

async function detail(id: string) {
  const reply = await detailRoute(new Request(`http://certdesk.test/api/certificates/${id}`), {
    params: Promise.resolve({ id }),
  });
  expect(reply.status).toBe(200);
  return detailSchema.parse(await reply.json());
}

async function csvLine(requestId: string): Promise<string | undefined> {
  const reply = await exportRoute(
    new Request(`http://certdesk.test/api/certificates/export?format=csv&q=${requestId}`),
    {},
  );
  return (await reply.text()).split('\r\n')[1];
}

describe("a certificate's import into the HSM", () => {
  it('is unknown while the import answer is lost, on the certificate as on its request, until an import goes through', async () => {
    const { requestId, certificateId } = await leafCertificate();
    expect((await detail(certificateId)).hsmImport).toEqual({ state: 'not_imported' });

    setFault(tsb.sim, {
      method: 'POST',
      path: '/v1/certificate/import/plain',
      toxic: 'reset_peer',
      count: 1,
    });
    await expect(importCertificate(requestId, 'SUB.leaf.example')).rejects.toMatchObject({
      code: 'import_unknown',
    });
    const unknown = { state: 'unknown', label: 'SUB.leaf.example', importedLabel: null };
    expect(await detail(certificateId)).toMatchObject({ importedLabel: null, hsmImport: unknown });
    expect(hsmImportOf((await findRequest(requestId))!)).toEqual(unknown);
    expect(await csvLine(requestId)).toContain(`,unknown,${requestId},`);

    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    await importCertificate(requestId, 'SUB.leaf.example');
    const imported = { state: 'imported', label: 'SUB.leaf.example' };
    expect(await detail(certificateId)).toMatchObject({
      importedLabel: 'SUB.leaf.example',
      hsmImport: imported,
    });
    expect(hsmImportOf((await findRequest(requestId))!)).toEqual(imported);
    expect(await csvLine(requestId)).toContain(`,SUB.leaf.example,imported,${requestId},`);
  });

  it('stays not imported after a refusal: only a lost answer is in doubt', async () => {
    const { requestId, certificateId } = await leafCertificate();
    const refused = await importCertificate(requestId, 'CA.approver.example').catch((e: unknown) => e);
    expect(toApiError(refused)).toMatchObject({ status: 422 });
    expect((await detail(certificateId)).hsmImport).toEqual({ state: 'not_imported' });
    expect(await csvLine(requestId)).toContain(`,not_imported,${requestId},`);
  });
});
