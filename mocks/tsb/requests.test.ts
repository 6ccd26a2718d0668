import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { requestStatus, serveTsbSimulator, submitSign, tsb } from './test-server';
import { approveAs } from './testing';

// Requests without approvals, self-signing through the approval flow, cancelling and listing.

const ctx = serveTsbSimulator();

describe('requests', () => {
  it('does not cancel a finished request', async () => {
    const { id } = await submitSign('CA.direct.example');
    expect((await requestStatus(id)).status).toBe('EXECUTED');
    expect(await tsb('DELETE', `/v1/request/${id}`)).toMatchObject({ status: 400, body: { errorCode: 500 } });
  });

  it('executes at once when the key has no policy', async () => {
    const { id } = await submitSign('CA.direct.example');
    expect(await requestStatus(id)).toMatchObject({
      status: 'EXECUTED',
      approvedBy: [],
      notYetApprovedBy: [],
    });
  });

  it('self-signs asynchronously: result "true" and the certificate attached to the key', async () => {
    const reply = await tsb<{ signRequestId: string }>('POST', '/v1/certificate/selfsign', {
      selfSignCertificateRequest: {
        signKeyName: 'CA.timelock.example',
        validity: 730,
        signatureAlgorithm: 'SHA512_WITH_RSA',
        commonName: 'Renewed Timelock CA',
        certificateAuthority: true,
        keyUsage: ['KEY_CERT_SIGN', 'CRL_SIGN'],
      },
    });
    const id = reply.body.signRequestId;
    await approveAs(ctx.sim, 'alice', id);
    ctx.sim.advance(120);
    expect(await requestStatus(id)).toMatchObject({ status: 'EXECUTED', result: 'true' });
    const attached = await tsb<{ certificate: string }>('GET', '/v1/certificate/CA.timelock.example');
    const certificate = new x509.X509Certificate(attached.body.certificate);
    expect(certificate.subject).toBe('CN=Renewed Timelock CA');
    expect(certificate.notAfter.getTime() - certificate.notBefore.getTime()).toBe(730 * 86_400_000);
  });

  it('lists requests by status', async () => {
    const pending = await submitSign('CA.approver.example');
    const executed = await submitSign('CA.direct.example');
    const list = await tsb<{ requests: { id: string; status: string }[] }>('POST', '/v1/filteredRequests', {
      requestStatusList: ['PENDING', 'APPROVED'],
    });
    expect(list.body.requests).toEqual([{ id: pending.id, status: 'PENDING' }]);
    const all = await tsb<{ requests: unknown[] }>('POST', '/v1/filteredRequests', {});
    expect(all.body.requests).toContainEqual({ id: executed.id, status: 'EXECUTED' });
  });
});
