import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { X509Certificates } from '@peculiar/x509';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as downloadRoute } from '@/app/api/certificates/[id]/download/route';
import type { RequestView } from '@/lib/api/dto';
import { actAs, actors } from '@/lib/authz/test-support';
import { readAuditChain } from '@/lib/db/audit';
import { insertCertificate } from '@/lib/db/certificates';
import { submitRequest } from '@/lib/requests';
import { submission } from '@/lib/requests/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { issuerCertificate, listCertificates } from '.';
import { certificateRow } from './summary';

startSimulator();

let issued: RequestView;
let issuedId = '';
let importedId = '';
let caPem = '';

const pemBlocks = (text: string) => text.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;

async function download(id: string, format?: string): Promise<Response> {
  const query = format === undefined ? '' : `?format=${format}`;
  const request = new Request(`http://certdesk.test/api/certificates/${id}/download${query}`);
  return downloadRoute(request, { params: Promise.resolve({ id }) });
}

beforeAll(async () => {
  issued = (
    await submitRequest(
      await submission({ signKeyName: 'CA.direct.example', commonName: 'files.example' }),
      randomUUID(),
    )
  ).request;
  const { certificates } = await listCertificates({
    q: issued.id,
    page: 1,
    pageSize: 1,
    order: 'desc',
    sort: 'createdAt',
  });
  issuedId = certificates[0]!.id;
  const origin = {
    source: 'imported' as const,
    request_id: null,
    sign_key_name: null,
    imported_label: 'label.files.example',
  };
  const row = (await certificateRow(issued.certificatePem!, origin))!;
  await insertCertificate({ ...row, common_name: 'imported.example', sha256_fingerprint: randomUUID() });
  const imported = await listCertificates({
    key: 'label.files.example',
    page: 1,
    pageSize: 1,
    order: 'desc',
    sort: 'createdAt',
  });
  importedId = imported.certificates[0]!.id;
  const issuer = await issuerCertificate('CA.direct.example');
  if (issuer.state !== 'ready') throw new Error(issuer.reason);
  caPem = issuer.pem;
});

beforeEach(() => actAs(actors.auditor));

describe('certificate downloads', () => {
  it('serves the PEM by default and the DER, named after the common name', async () => {
    const pem = await download(issuedId);
    expect(pem.headers.get('content-disposition')).toBe('attachment; filename="files.example.pem"');
    expect(pem.headers.get('cache-control')).toBe('no-store');
    expect(await pem.text()).toBe(issued.certificatePem!.trim());
    const der = await download(issuedId, 'der');
    expect(der.headers.get('content-type')).toBe('application/pkix-cert');
    expect(der.headers.get('content-disposition')).toBe('attachment; filename="files.example.cer"');
    expect(new Uint8Array(await der.arrayBuffer())[0]).toBe(0x30);
  });

  it('puts the CA certificate from the HSM after the certificate in the chain and in the PKCS#7', async () => {
    const chain = await download(issuedId, 'chain');
    expect(chain.headers.get('content-disposition')).toBe('attachment; filename="files.example-chain.pem"');
    const text = await chain.text();
    expect(pemBlocks(text)).toBe(2);
    expect(text.endsWith(caPem)).toBe(true);
    const p7b = await download(issuedId, 'p7b');
    expect(p7b.headers.get('content-type')).toBe('application/pkcs7-mime');
    const bundle = new X509Certificates(new Uint8Array(await p7b.arrayBuffer()));
    expect(bundle.map((certificate) => certificate.subject)).toEqual([
      expect.stringContaining('files.example'),
      expect.stringContaining('CA.direct.example'),
    ]);
  });

  it('has no chain for a certificate whose CA is not known, and a PKCS#7 of the certificate alone', async () => {
    const chain = await download(importedId, 'chain');
    expect(chain.status).toBe(404);
    expect(await chain.json()).toMatchObject({
      error: { code: 'issuer_not_found', message: 'No chain: the signing key is not known.' },
    });
    const p7b = await download(importedId, 'p7b');
    expect(p7b.status).toBe(200);
    expect(new X509Certificates(new Uint8Array(await p7b.arrayBuffer()))).toHaveLength(1);
  });

  it('answers 400 for an unknown format and 404 for an id it does not hold or that is not one', async () => {
    expect((await download(issuedId, 'pfx')).status).toBe(400);
    expect((await download(randomUUID(), 'pem')).status).toBe(404);
    expect((await download('not-an-id', 'pem')).status).toBe(404);
  });

  it('records the intent and the outcome of each download with the format and whether the CA is in it', async () => {
    const since = (await readAuditChain()).rows.at(-1)?.seq ?? 0;
    await download(issuedId, 'p7b');
    const rows = (await readAuditChain()).rows.filter((row) => row.seq > since);
    expect(rows.map((row) => row.action)).toEqual(['certificate.download.intent', 'certificate.download']);
    expect(rows[1]).toMatchObject({
      target: `certificate:${issuedId}`,
      outcome: 'success',
      actor_role: 'auditor',
    });
    expect(JSON.parse(rows[1]!.details ?? '{}')).toMatchObject({ format: 'p7b', withCa: true });
  });
});
