import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '@/lib/pki/bytes';
import { fetchTasks, signApproval, timestampProof } from './approver-client';
import { demoApprover } from './approvers';
import { tsb, serveTsbSimulator } from './test-server';
import { approveAs, approverSession, makeCsr, signCertificateBody } from './testing';

// The approver protocol refuses anything but a fresh, genuine decision by the task's own approver,
// and a refused call never counts.

const ctx = serveTsbSimulator();
const noCredential = { 'content-type': 'application/json' };

async function pendingRequest(keyLabel = 'CA.approver.example', fields: Record<string, unknown> = {}) {
  const body = signCertificateBody(keyLabel, await makeCsr('leaf.example'), fields);
  const reply = await tsb<{ signRequestId: string }>('POST', '/v1/certificate/sign', body);
  expect(reply.status).toBe(201);
  return reply.body.signRequestId;
}

async function taskOf(approverId: 'alice' | 'bruno' | 'chloe' | 'david', requestId: string) {
  const [task] = await fetchTasks(approverSession(ctx.sim, approverId), { requestId });
  if (!task) throw new Error(`no task for ${approverId}`);
  return task;
}

const approvedBy = async (id: string) =>
  (await tsb<{ approvedBy: string[] }>('GET', `/v1/request/${id}`)).body.approvedBy;
const post = (path: string, body: unknown) => tsb('POST', path, body, noCredential);

describe('approver protocol', () => {
  it('refuses an approval signed by another key and does not count it', async () => {
    const id = await pendingRequest();
    const task = await taskOf('alice', id);
    const forged = {
      id: task.id,
      approvalToBeSigned: task.approvalToBeSigned,
      signature: signApproval(demoApprover('bruno'), task.approvalToBeSigned),
      approvalDigestAlgorithm: 'SHA-256',
      approverPublicKey: demoApprover('alice').publicKey,
    };
    expect(await post('/v1/approval', forged)).toMatchObject({
      status: 400,
      body: { errorCode: 403, reason: 'res.error.input.invalid.signature' },
    });
    // Bruno signing Alice's task with his own key, under his own name, is refused as well.
    expect(
      (await post('/v1/approval', { ...forged, approverPublicKey: demoApprover('bruno').publicKey })).status,
    ).toBe(400);
    expect(await approvedBy(id)).toEqual([]);
  });

  it('refuses a replayed approval', async () => {
    const id = await pendingRequest();
    const task = await taskOf('alice', id);
    const approval = {
      id: task.id,
      approvalToBeSigned: task.approvalToBeSigned,
      signature: signApproval(demoApprover('alice'), task.approvalToBeSigned),
      approvalDigestAlgorithm: 'SHA-256',
      approverPublicKey: demoApprover('alice').publicKey,
    };
    expect((await post('/v1/approval', approval)).status).toBe(200);
    expect(await post('/v1/approval', approval)).toMatchObject({ status: 400, body: { errorCode: 500 } });
    expect(await approvedBy(id)).toEqual([demoApprover('alice').publicKey]);
    expect((await tsb('GET', `/v1/request/${id}`)).body.status).toBe('PENDING');
  });

  it('refuses a token that is not the task’s, even when signed by its approver', async () => {
    const id = await pendingRequest();
    const task = await taskOf('alice', id);
    const other = await taskOf('alice', await pendingRequest());
    const mixed = {
      id: task.id,
      approvalToBeSigned: other.approvalToBeSigned,
      signature: signApproval(demoApprover('alice'), other.approvalToBeSigned),
      approvalDigestAlgorithm: 'SHA-256',
      approverPublicKey: demoApprover('alice').publicKey,
    };
    expect(await post('/v1/approval', mixed)).toMatchObject({ status: 400, body: { errorCode: 403 } });
    expect(await approvedBy(id)).toEqual([]);
  });

  it('accepts ECDSA signatures in DER (as JDK makes them) and refuses raw r||s', async () => {
    const id = await pendingRequest('CA.ec.example', { signatureAlgorithm: 'SHA256_WITH_ECDSA' });
    const task = await taskOf('chloe', id);
    const token = fromBase64(task.approvalToBeSigned) ?? new Uint8Array();
    const chloe = demoApprover('chloe');
    const raw = toBase64(sign('sha256', token, { key: chloe.privateKey, dsaEncoding: 'ieee-p1363' }));
    const body = {
      id: task.id,
      approvalToBeSigned: task.approvalToBeSigned,
      approvalDigestAlgorithm: 'SHA-256',
      approverPublicKey: chloe.publicKey,
    };
    expect((await post('/v1/approval', { ...body, signature: raw })).status).toBe(400);
    expect(
      (await post('/v1/approval', { ...body, signature: signApproval(chloe, task.approvalToBeSigned) }))
        .status,
    ).toBe(200);
  });

  it('refuses a timestamp more than ten minutes off, or badly signed', async () => {
    const alice = demoApprover('alice');
    const stale = timestampProof(alice, new Date(ctx.sim.now().getTime() - 601_000));
    expect(await post('/v1/filteredAllApprovalTask', stale)).toMatchObject({
      status: 400,
      body: { errorCode: 404, reason: 'res.error.input.timestamp.off' },
    });
    const ahead = timestampProof(alice, new Date(ctx.sim.now().getTime() + 601_000));
    expect((await post('/v1/filteredSignApprovalTask', ahead)).body).toMatchObject({ errorCode: 404 });
    const recent = timestampProof(alice, new Date(ctx.sim.now().getTime() - 540_000));
    expect((await post('/v1/filteredAllApprovalTask', recent)).status).toBe(200);
    const forged = {
      ...timestampProof(demoApprover('bruno'), ctx.sim.now()),
      approverPublicKey: alice.publicKey,
    };
    expect(await post('/v1/filteredAllApprovalTask', forged)).toMatchObject({
      status: 400,
      body: { errorCode: 403 },
    });
  });

  it('lets an approver reject only its own task', async () => {
    const id = await pendingRequest();
    const task = await taskOf('alice', id);
    const asBruno = { ...timestampProof(demoApprover('bruno'), ctx.sim.now()), id: task.id };
    expect((await tsb('DELETE', '/v1/task', asBruno, noCredential)).status).toBe(400);
    const asAlice = { ...timestampProof(demoApprover('alice'), ctx.sim.now()), id: task.id };
    expect((await tsb('DELETE', '/v1/task', asAlice, noCredential)).status).toBe(200);
    expect((await tsb('GET', `/v1/request/${id}`)).body.rejectedBy).toEqual([
      demoApprover('alice').publicKey,
    ]);
  });

  it('answers unknown tasks with 652', async () => {
    const proof = { ...timestampProof(demoApprover('alice'), ctx.sim.now()), id: 'no-such-task' };
    expect(await tsb('DELETE', '/v1/task', proof, noCredential)).toMatchObject({
      status: 404,
      body: { errorCode: 652 },
    });
  });

  it('shows tasks at detail levels 1 to 3', async () => {
    const id = await pendingRequest();
    const proof = timestampProof(demoApprover('bruno'), ctx.sim.now());
    const level1 = await post('/v1/filteredAllApprovalTask', { ...proof, requestId: id });
    const [brief] = (level1.body as { tasks: Record<string, unknown>[] }).tasks;
    expect(Object.keys(brief ?? {}).sort()).toEqual([
      'approvalToBeSigned',
      'approverPublicKey',
      'detailLevel',
      'id',
    ]);
    const level3 = await post('/v1/filteredAllApprovalTask', {
      ...proof,
      requestId: id,
      detailLevel: 'level3',
    });
    const [full] = (level3.body as { tasks: Record<string, unknown>[] }).tasks;
    expect(full).toMatchObject({
      detailLevel: 'level3',
      payloadType: 'UNSPECIFIED',
      signedSignRequest: null,
    });
    expect(JSON.parse(atob(String(full?.metaData)))).toMatchObject({ reason: 'test' });
    expect(full?.signedSignCertificateRequest).toMatchObject({
      signCertificateRequest: { signKeyName: 'CA.approver.example' },
    });
    expect(JSON.parse(atob(String(full?.requestBase64)))).toEqual(full?.signedSignCertificateRequest);
  });

  it('counts approvals from the right approvers, one each', async () => {
    const id = await pendingRequest();
    await approveAs(ctx.sim, 'chloe', id);
    await expect(approveAs(ctx.sim, 'chloe', id)).rejects.toThrow(/no open task/);
    expect(await approvedBy(id)).toEqual([demoApprover('chloe').publicKey]);
  });
});
