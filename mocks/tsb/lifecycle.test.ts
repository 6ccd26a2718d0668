import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { demoApprover } from './approvers';
import { tsb, serveTsbSimulator } from './test-server';
import { approveAs, approverSession, ApproverCallError, makeCsrWithKeys, rejectAs, signCertificateBody } from './testing';
import { fetchTasks, approveTask } from './approver-client';

// The request state machine under SKA policies: quorum, AND of groups, timelock, timeout, rejection, cancel.

const ctx = serveTsbSimulator();

interface Status {
  id: string;
  status: string;
  executionTime: string | null;
  approvedBy: string[];
  notYetApprovedBy: string[];
  rejectedBy: string[];
  result: string | null;
}

async function submit(keyLabel: string, fields: Record<string, unknown> = {}) {
  const { pem, keys } = await makeCsrWithKeys('leaf.example');
  const reply = await tsb<{ signRequestId: string }>('POST', '/v1/certificate/sign', signCertificateBody(keyLabel, pem, fields));
  expect(reply.status).toBe(201);
  return { id: reply.body.signRequestId, keys };
}

const status = async (id: string) => (await tsb<Status>('GET', `/v1/request/${id}`)).body;
const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(ApproverCallError);

describe('SKA request lifecycle', () => {
  it('executes a 2-of-3 quorum and issues the requested certificate', async () => {
    const { id, keys } = await submit('CA.approver.example', {
      keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
      extendedKeyUsage: ['SERVER_AUTH', 'CLIENT_AUTH'],
    });
    expect(await status(id)).toMatchObject({ status: 'PENDING', result: null, executionTime: null, approvedBy: [] });
    expect((await status(id)).notYetApprovedBy).toHaveLength(3);

    await approveAs(ctx.sim, 'alice', id);
    expect(await status(id)).toMatchObject({ status: 'PENDING', approvedBy: [demoApprover('alice').publicKey] });
    await approveAs(ctx.sim, 'bruno', id);
    const done = await status(id);
    expect(done).toMatchObject({ status: 'EXECUTED', notYetApprovedBy: [], rejectedBy: [] });
    expect(done.approvedBy).toEqual([demoApprover('alice').publicKey, demoApprover('bruno').publicKey]);
    expect(done.executionTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const certificate = new x509.X509Certificate(done.result ?? '');
    expect(certificate.subject).toBe('CN=leaf.example');
    expect(certificate.issuer).toBe('CN=CA.approver.example');
    const spki = await crypto.subtle.exportKey('spki', keys.publicKey);
    expect(Buffer.from(certificate.publicKey.rawData).equals(Buffer.from(spki))).toBe(true);
    const usages = certificate.getExtension(x509.KeyUsagesExtension);
    expect(usages?.critical).toBe(true);
    expect(usages?.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment);
    expect(certificate.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
    expect(constraints).toMatchObject({ ca: false, critical: true });
    const caKeyId = ctx.sim.keys.get('CA.approver.example')?.certificate?.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
    expect(certificate.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(caKeyId);
    expect(certificate.getExtension(x509.SubjectKeyIdentifierExtension)).not.toBeNull();
    expect(certificate.notBefore.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(certificate.notAfter.getTime() - certificate.notBefore.getTime()).toBe(365 * 86_400_000);
    const serial = Buffer.from(certificate.serialNumber, 'hex');
    expect(serial.length).toBeLessThanOrEqual(20);
    expect((serial[0] ?? 0) & 0x80).toBe(0);
    expect(await certificate.verify({ publicKey: ctx.sim.keys.get('CA.approver.example')?.certificate ?? undefined, signatureOnly: true })).toBe(true);

    await refused(approveAs(ctx.sim, 'chloe', id));
  });

  it('needs every group of a token: one group alone is not enough', async () => {
    const { id } = await submit('CA.ec.example', { signatureAlgorithm: 'SHA384_WITH_ECDSA' });
    await approveAs(ctx.sim, 'chloe', id);
    expect((await status(id)).status).toBe('PENDING');
    await approveAs(ctx.sim, 'david', id);
    const done = await status(id);
    expect(done.status).toBe('EXECUTED');
    const certificate = new x509.X509Certificate(done.result ?? '');
    expect(certificate.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-384' } });
  });

  it('holds an approved request until the timelock has passed, then executes it', async () => {
    const { id } = await submit('CA.timelock.example');
    const created = ctx.sim.now().getTime();
    await approveAs(ctx.sim, 'bruno', id);
    expect(await status(id)).toMatchObject({ status: 'APPROVED', result: null, executionTime: null });
    ctx.sim.advance(119);
    expect((await status(id)).status).toBe('APPROVED');
    ctx.sim.advance(1);
    const done = await status(id);
    expect(done.status).toBe('EXECUTED');
    expect(Date.parse(done.executionTime ?? '')).toBe(Math.floor(created / 1000) * 1000 + 120_000);
    expect(done.result).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('expires a request whose timeout passes before the quorum', async () => {
    const { id } = await submit('CA.approver.example');
    await approveAs(ctx.sim, 'alice', id);
    ctx.sim.advance(3599);
    expect((await status(id)).status).toBe('PENDING');
    ctx.sim.advance(1);
    expect(await status(id)).toMatchObject({ status: 'EXPIRED', notYetApprovedBy: [], result: null });
    await refused(approveAs(ctx.sim, 'bruno', id));
  });

  it('rejects a request once rejections leave the quorum unreachable', async () => {
    const { id } = await submit('CA.approver.example');
    await rejectAs(ctx.sim, 'alice', id);
    expect(await status(id)).toMatchObject({ status: 'PENDING', rejectedBy: [demoApprover('alice').publicKey] });
    await rejectAs(ctx.sim, 'bruno', id);
    expect(await status(id)).toMatchObject({ status: 'REJECTED', approvedBy: [] });
    expect((await status(id)).rejectedBy).toHaveLength(2);
    await refused(approveAs(ctx.sim, 'chloe', id));
  });

  it('cancels a request, removes its tasks and refuses approvals sent afterwards', async () => {
    const { id } = await submit('CA.approver.example');
    const session = approverSession(ctx.sim, 'alice');
    const [task] = await fetchTasks(session, { requestId: id });
    expect(task).toBeDefined();
    expect((await tsb('DELETE', `/v1/request/${id}`)).status).toBe(200);
    expect((await status(id)).status).toBe('CANCELLED');
    expect(await fetchTasks(session, { requestId: id })).toEqual([]);
    const error = await approveTask(session, task!).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, errorCode: 500 });
    expect((await status(id)).approvedBy).toEqual([]);
    expect((await tsb('DELETE', `/v1/request/${id}`)).status).toBe(200);
  });

  it('does not cancel a finished request', async () => {
    const { id } = await submit('CA.direct.example');
    expect((await status(id)).status).toBe('EXECUTED');
    expect(await tsb('DELETE', `/v1/request/${id}`)).toMatchObject({ status: 400, body: { errorCode: 500 } });
  });

  it('executes at once when the key has no policy', async () => {
    const { id } = await submit('CA.direct.example');
    expect(await status(id)).toMatchObject({ status: 'EXECUTED', approvedBy: [], notYetApprovedBy: [] });
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
    expect(await status(id)).toMatchObject({ status: 'EXECUTED', result: 'true' });
    const attached = await tsb<{ certificate: string }>('GET', '/v1/certificate/CA.timelock.example');
    const certificate = new x509.X509Certificate(attached.body.certificate);
    expect(certificate.subject).toBe('CN=Renewed Timelock CA');
    expect(certificate.notAfter.getTime() - certificate.notBefore.getTime()).toBe(730 * 86_400_000);
  });

  it('lists requests by status', async () => {
    const pending = await submit('CA.approver.example');
    const executed = await submit('CA.direct.example');
    const list = await tsb<{ requests: { id: string; status: string }[] }>('POST', '/v1/filteredRequests', {
      requestStatusList: ['PENDING', 'APPROVED'],
    });
    expect(list.body.requests).toEqual([{ id: pending.id, status: 'PENDING' }]);
    const all = await tsb<{ requests: unknown[] }>('POST', '/v1/filteredRequests', {});
    expect(all.body.requests).toContainEqual({ id: executed.id, status: 'EXECUTED' });
  });
});
