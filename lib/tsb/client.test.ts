import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { toApiError } from '@/lib/api/errors';
import { TSB_TEST_URL, startSimulator } from '@/lib/testing/tsb';
import { makeCsr } from '@/mocks/tsb/testing';
import {
  cancelRequest,
  filteredRequests,
  getKeyAttributes,
  getKeyCertificate,
  getRequestStatus,
  getVersionInfo,
  importPlainCertificate,
  listKeys,
  signCertificate,
  signCertificateSync,
  TsbError,
} from '.';

const tsb = startSimulator();

const fields = (signKeyName: string, certificateSigningRequest: string) => ({
  signKeyName,
  keyPassword: null,
  signatureAlgorithm: 'SHA256_WITH_RSA' as const,
  commonName: 'client-test.example',
  certificateAuthority: false,
  certificateSigningRequest,
  keyUsage: ['DIGITAL_SIGNATURE' as const],
  extendedKeyUsage: ['CLIENT_AUTH' as const],
});

async function thrown(promise: Promise<unknown>): Promise<TsbError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TsbError);
  return error as TsbError;
}

describe('the TSB client against the simulator', () => {
  it('lists keys and reads a policy, or its absence', async () => {
    expect(await listKeys()).toEqual(expect.arrayContaining(['CA.approver.example', 'CA.direct.example']));
    const ska = await getKeyAttributes('CA.approver.example');
    expect(ska.policy?.ruleUse?.tokens?.[0]?.groups?.[0]?.quorum).toBe(2);
    expect((await getKeyAttributes('CA.direct.example')).policy ?? null).toBeNull();
    expect(await getKeyCertificate('CA.direct.example')).toMatch(/^MII/);
    expect(await getVersionInfo()).toBeTypeOf('object');
  });

  it('turns the TSB error body into a typed error with its code and HTTP status', async () => {
    const error = await thrown(getKeyAttributes('no.such.key'));
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      errorCode: 650,
      reason: 'res.error.key.not.existent',
    });
    expect(toApiError(error)).toMatchObject({ status: 404, code: 'key_not_found' });
    const unknownRequest = await thrown(getRequestStatus('00000000-0000-4000-8000-000000000000'));
    expect(unknownRequest).toMatchObject({ status: 404, errorCode: 651 });
  });

  it('signs synchronously with a key without policy and asynchronously with an SKA key', async () => {
    const csr = await makeCsr('client-test.example');
    expect(await signCertificateSync(fields('CA.direct.example', csr))).toContain(
      '-----BEGIN CERTIFICATE-----',
    );
    const id = await signCertificate(fields('CA.approver.example', csr), btoa('{"reason":"test"}'));
    const status = await getRequestStatus(id);
    expect(status).toMatchObject({ id, status: 'PENDING', result: null });
    expect(status.notYetApprovedBy).toHaveLength(3);
    expect(await filteredRequests(['PENDING'])).toContainEqual({ id, status: 'PENDING' });
    await cancelRequest(id);
    expect((await getRequestStatus(id)).status).toBe('CANCELLED');
  });

  it('refuses a bad CSR with 628 and sync signing with a policy key', async () => {
    expect(await thrown(signCertificateSync(fields('CA.direct.example', 'not a csr')))).toMatchObject({
      errorCode: 628,
    });
    const csr = await makeCsr('client-test.example');
    const error = await thrown(signCertificateSync(fields('CA.approver.example', csr)));
    expect(error.status).toBeGreaterThanOrEqual(400);
  });

  it('imports a certificate for a key and reads it back', async () => {
    const csrReply = await fetch(`${TSB_TEST_URL}/v1/certificate/synchronous/request`, {
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
    const pem = await signCertificateSync({
      ...fields('CA.direct.example', certificateSigningRequest),
      commonName: 'SUB.leaf.example',
    });
    const base64 = pem.replace(/-----[A-Z ]+-----|\s/g, '');
    await importPlainCertificate('SUB.leaf.example', base64);
    expect(await getKeyCertificate('SUB.leaf.example')).toBe(base64);
  });

  it('reports a refused credential, a malformed reply and an unreachable TSB as upstream faults', async () => {
    tsb.server.use(
      http.get('*/v1/key', () =>
        HttpResponse.json({ errorCode: 631, reason: 'res.error.invalid.api.key' }, { status: 401 }),
      ),
    );
    const refused = await thrown(listKeys());
    expect(toApiError(refused)).toMatchObject({ status: 502, code: 'tsb_credential_refused' });

    tsb.server.use(http.get('*/v1/key', () => HttpResponse.json({ keys: 'not a list' })));
    expect(toApiError(await thrown(listKeys()))).toMatchObject({ status: 502, code: 'tsb_bad_reply' });

    tsb.server.use(http.get('*/v1/key', () => new HttpResponse('<html>gateway</html>', { status: 200 })));
    expect(await thrown(listKeys())).toMatchObject({ kind: 'malformed' });

    tsb.server.use(http.get('*/v1/key', () => HttpResponse.error()));
    expect(toApiError(await thrown(listKeys()))).toMatchObject({ status: 502, code: 'tsb_unreachable' });
  });
});
