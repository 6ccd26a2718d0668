import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/certificates/export/route';
import { GET as detailRoute } from '@/app/api/certificates/[id]/route';
import { certificateListQuerySchema, type RequestView } from '@/lib/api/dto';
import { actAs, actors } from '@/lib/authz/test-support';
import { insertCertificate } from '@/lib/db/certificates';
import { submitRequest } from '@/lib/requests';
import { submission } from '@/lib/requests/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { getCertificate, listCertificates } from '.';
import { certificateRow } from './summary';

startSimulator();

const day = 86_400_000;
let issued: RequestView;

/** Stores a copy of `pem` as if it were valid from/to the given offsets in days (the inventory trusts its columns). */
async function storedWithValidity(pem: string, cn: string, fromDays: number, toDays: number) {
  const row = (await certificateRow(pem, {
    source: 'imported',
    request_id: null,
    sign_key_name: null,
    imported_label: `label.${cn}`,
  }))!;
  const now = Date.now();
  await insertCertificate({
    ...row,
    common_name: cn,
    sha256_fingerprint: randomUUID(),
    not_before: new Date(now + fromDays * day).toISOString(),
    not_after: new Date(now + toDays * day).toISOString(),
  });
}

beforeAll(async () => {
  issued = (
    await submitRequest(
      await submission({ signKeyName: 'CA.direct.example', commonName: '=cmd|calc.example' }),
      randomUUID(),
    )
  ).request;
  await storedWithValidity(issued.certificatePem!, 'old.example', -400, -10);
  await storedWithValidity(issued.certificatePem!, 'soon.example', -300, 5);
  await storedWithValidity(issued.certificatePem!, 'later.example', 3, 400);
});

const list = (query: Record<string, string> = {}) =>
  listCertificates(certificateListQuerySchema.parse(query));

// The routes are called as an auditor, who reads the inventory.
beforeEach(() => actAs(actors.auditor));

describe('certificate inventory', () => {
  it('holds the issued certificate with its decoded summary, linked to its request', async () => {
    const { certificates } = await list({ q: issued.id });
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      source: 'issued',
      requestId: issued.id,
      signKeyName: 'CA.direct.example',
      commonName: '=cmd|calc.example',
      expiry: 'valid',
    });
    expect(certificates[0]!.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await getCertificate(certificates[0]!.id)).toMatchObject({ pem: issued.certificatePem!.trim() });
  });

  it('filters by expiry state and key, and sorts soonest expiry first', async () => {
    expect((await list({ expiry: 'expired' })).certificates.map((c) => c.commonName)).toEqual([
      'old.example',
    ]);
    expect(
      (await list({ expiry: 'expiring,not-yet-valid' })).certificates.map((c) => c.expiry).sort(),
    ).toEqual(['expiring', 'not-yet-valid']);
    expect((await list({ key: 'label.soon.example' })).total).toBe(1);
    expect((await list({ order: 'asc' })).certificates.map((c) => c.commonName)).toEqual([
      'old.example',
      'soon.example',
      '=cmd|calc.example',
      'later.example',
    ]);
  });

  it('exports every match as CSV with a header and defused formulas, or as JSON with the PEM', async () => {
    const csv = await exportRoute(
      new Request(`http://certdesk.test/api/certificates/export?format=csv&pageSize=1&q=${issued.id}`),
      {},
    );
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="certificates-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(
      'id,source,common_name,subject,issuer,serial_hex,not_before,not_after,expiry,sha256_fingerprint,sign_key_name,imported_label,hsm_import,request_id,created_at',
    );
    expect(lines[1]).toContain(",issued,'=cmd|calc.example,");
    const json = await exportRoute(
      new Request('http://certdesk.test/api/certificates/export?format=json'),
      {},
    );
    const all = (await json.json()) as { pem: string }[];
    expect(all).toHaveLength(4);
    expect(all[0]!.pem).toContain('BEGIN CERTIFICATE');
  });

  it('answers 404 for a certificate it does not hold', async () => {
    const reply = await detailRoute(new Request('http://certdesk.test/api/certificates/x'), {
      params: Promise.resolve({ id: randomUUID() }),
    });
    expect(reply.status).toBe(404);
  });
});
