import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { demoApprover } from './approvers';
import { requestStatus, serveTsbSimulator, submitSign, tsb } from './test-server';
import { approveTask, fetchTasks } from './approver-client';
import { approveAs, approverSession, ApproverCallError, rejectAs } from './testing';

// The request state machine under SKA policies: quorum, AND of groups, timelock, timeout, rejection, cancel.

const ctx = serveTsbSimulator();

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(ApproverCallError);

describe('SKA request lifecycle', () => {
  it('executes a 2-of-3 quorum and issues the requested certificate', async () => {
    const { id, keys } = await submitSign('CA.approver.example', {
      keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
      extendedKeyUsage: ['SERVER_AUTH', 'CLIENT_AUTH'],
    });
    expect(await requestStatus(id)).toMatchObject({
      status: 'PENDING',
      result: null,
      executionTime: null,
      approvedBy: [],
    });
    expect((await requestStatus(id)).notYetApprovedBy).toHaveLength(3);

    await approveAs(ctx.sim, 'alice', id);
    expect(await requestStatus(id)).toMatchObject({
      status: 'PENDING',
      approvedBy: [demoApprover('alice').publicKey],
    });
    await approveAs(ctx.sim, 'bruno', id);
    const done = await requestStatus(id);
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
    expect(certificate.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
      '1.3.6.1.5.5.7.3.1',
      '1.3.6.1.5.5.7.3.2',
    ]);
    const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
    expect(constraints).toMatchObject({ ca: false, critical: true });
    const caKeyId = ctx.sim.keys
      .get('CA.approver.example')
      ?.certificate?.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
    expect(certificate.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(caKeyId);
    expect(certificate.getExtension(x509.SubjectKeyIdentifierExtension)).not.toBeNull();
    expect(certificate.notBefore.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(certificate.notAfter.getTime() - certificate.notBefore.getTime()).toBe(365 * 86_400_000);
    const serial = Buffer.from(certificate.serialNumber, 'hex');
    expect(serial.length).toBeLessThanOrEqual(20);
    expect((serial[0] ?? 0) & 0x80).toBe(0);
    expect(
      await certificate.verify({
        publicKey: ctx.sim.keys.get('CA.approver.example')?.certificate ?? undefined,
        signatureOnly: true,
      }),
    ).toBe(true);

    await refused(approveAs(ctx.sim, 'chloe', id));
  });

  it('needs every group of a token: one group alone is not enough', async () => {
    const { id } = await submitSign('CA.ec.example', { signatureAlgorithm: 'SHA384_WITH_ECDSA' });
    await approveAs(ctx.sim, 'chloe', id);
    expect((await requestStatus(id)).status).toBe('PENDING');
    await approveAs(ctx.sim, 'david', id);
    const done = await requestStatus(id);
    expect(done.status).toBe('EXECUTED');
    const certificate = new x509.X509Certificate(done.result ?? '');
    expect(certificate.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-384' } });
  });

  it('holds an approved request until the timelock has passed, then executes it', async () => {
    const { id } = await submitSign('CA.timelock.example');
    const created = ctx.sim.now().getTime();
    await approveAs(ctx.sim, 'bruno', id);
    expect(await requestStatus(id)).toMatchObject({ status: 'APPROVED', result: null, executionTime: null });
    ctx.sim.advance(119);
    expect((await requestStatus(id)).status).toBe('APPROVED');
    ctx.sim.advance(1);
    const done = await requestStatus(id);
    expect(done.status).toBe('EXECUTED');
    expect(Date.parse(done.executionTime ?? '')).toBe(Math.floor(created / 1000) * 1000 + 120_000);
    expect(done.result).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('expires a request whose timeout passes before the quorum', async () => {
    const { id } = await submitSign('CA.approver.example');
    await approveAs(ctx.sim, 'alice', id);
    ctx.sim.advance(3599);
    expect((await requestStatus(id)).status).toBe('PENDING');
    ctx.sim.advance(1);
    expect(await requestStatus(id)).toMatchObject({ status: 'EXPIRED', notYetApprovedBy: [], result: null });
    await refused(approveAs(ctx.sim, 'bruno', id));
  });

  it('rejects a request once rejections leave the quorum unreachable', async () => {
    const { id } = await submitSign('CA.approver.example');
    await rejectAs(ctx.sim, 'alice', id);
    expect(await requestStatus(id)).toMatchObject({
      status: 'PENDING',
      rejectedBy: [demoApprover('alice').publicKey],
    });
    await rejectAs(ctx.sim, 'bruno', id);
    expect(await requestStatus(id)).toMatchObject({ status: 'REJECTED', approvedBy: [] });
    expect((await requestStatus(id)).rejectedBy).toHaveLength(2);
    await refused(approveAs(ctx.sim, 'chloe', id));
  });

  it('cancels a request, removes its tasks and refuses approvals sent afterwards', async () => {
    const { id } = await submitSign('CA.approver.example');
    const session = approverSession(ctx.sim, 'alice');
    const [task] = await fetchTasks(session, { requestId: id });
    expect(task).toBeDefined();
    expect((await tsb('DELETE', `/v1/request/${id}`)).status).toBe(200);
    expect((await requestStatus(id)).status).toBe('CANCELLED');
    expect(await fetchTasks(session, { requestId: id })).toEqual([]);
    const error = await approveTask(session, task!).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, errorCode: 500 });
    expect((await requestStatus(id)).approvedBy).toEqual([]);
    expect((await tsb('DELETE', `/v1/request/${id}`)).status).toBe(200);
  });
});
