import { sign } from 'node:crypto';
import { z } from 'zod';
import { fromBase64, toBase64 } from '@/lib/pki/bytes';
import type { DemoApprover } from './approvers';
import { decodeApprovalToken } from './token';

// The approver's side of the protocol, as an Authorization App performs it (tsb-api.md §6): a signed
// timestamp to list or reject tasks, a signature over the decoded approvalToBeSigned to approve.
// `send` carries the calls: global fetch in tests, the handlers themselves inside the simulator.

export type Send = (request: Request) => Promise<Response>;

export interface ApproverSession {
  send: Send;
  /** The TSB's base URL, e.g. http://tsb.test. */
  baseUrl: string;
  approver: DemoApprover;
  /** The approver's clock, for the signed timestamp. */
  now: () => Date;
}

export class ApproverCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode: number | null,
    readonly reason: string | null,
  ) {
    super(message);
    this.name = 'ApproverCallError';
  }
}

const taskSchema = z.looseObject({
  id: z.string(),
  approvalToBeSigned: z.string(),
  metaData: z.string().nullish(),
});
export type ApprovalTask = z.infer<typeof taskSchema> & { requestId: string | null };
const errorSchema = z.object({
  errorCode: z.number().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});

/** RSA PKCS#1 v1.5 or DER-encoded ECDSA with SHA-256, the format JDK's Signature.sign() produces. */
const signBytes = (approver: DemoApprover, bytes: Uint8Array) =>
  toBase64(sign('sha256', bytes, approver.privateKey));

export function timestampProof(approver: DemoApprover, now: Date) {
  const timestamp = now.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return {
    timestamp,
    timestampSignature: signBytes(approver, new TextEncoder().encode(timestamp)),
    timestampDigestAlgorithm: 'SHA-256',
    approverPublicKey: approver.publicKey,
  };
}

export function signApproval(approver: DemoApprover, approvalToBeSigned: string): string {
  return signBytes(approver, fromBase64(approvalToBeSigned) ?? new Uint8Array());
}

async function call(
  session: ApproverSession,
  method: 'POST' | 'DELETE',
  path: string,
  body: unknown,
): Promise<unknown> {
  const request = new Request(new URL(path, session.baseUrl), {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const response = await session.send(request);
  const text = await response.text();
  if (response.ok) return text ? (JSON.parse(text) as unknown) : undefined;
  const parsed = errorSchema.safeParse(text ? JSON.parse(text) : {});
  const detail = parsed.success ? parsed.data : {};
  const message = detail.message ?? `HTTP ${response.status}`;
  throw new ApproverCallError(message, response.status, detail.errorCode ?? null, detail.reason ?? null);
}

/** The approver's open tasks, narrowed to one task or one request when asked. */
export async function fetchTasks(
  session: ApproverSession,
  filter: { id?: string; requestId?: string; detailLevel?: 'level1' | 'level2' | 'level3' } = {},
): Promise<ApprovalTask[]> {
  const body = { ...timestampProof(session.approver, session.now()), detailLevel: 'level1', ...filter };
  const reply = z
    .object({ tasks: z.array(taskSchema) })
    .parse(await call(session, 'POST', '/v1/filteredAllApprovalTask', body));
  return reply.tasks.map((task) => {
    const token = decodeApprovalToken(fromBase64(task.approvalToBeSigned) ?? new Uint8Array());
    return { ...task, requestId: token?.requestId ?? null };
  });
}

export async function approveTask(
  session: ApproverSession,
  task: Pick<ApprovalTask, 'id' | 'approvalToBeSigned'>,
) {
  await call(session, 'POST', '/v1/approval', {
    id: task.id,
    approvalToBeSigned: task.approvalToBeSigned,
    signature: signApproval(session.approver, task.approvalToBeSigned),
    approvalDigestAlgorithm: 'SHA-256',
    approverPublicKey: session.approver.publicKey,
  });
}

export async function rejectTask(session: ApproverSession, taskId: string) {
  await call(session, 'DELETE', '/v1/task', {
    ...timestampProof(session.approver, session.now()),
    id: taskId,
  });
}

/** Finds the approver's task for a request (or by task id) and approves or rejects it. */
export async function actOnTask(
  session: ApproverSession,
  target: { requestId?: string; taskId?: string },
  action: 'approve' | 'reject',
): Promise<ApprovalTask> {
  const [task] = await fetchTasks(
    session,
    target.taskId ? { id: target.taskId } : { requestId: target.requestId },
  );
  if (!task) {
    const what = target.taskId ? `task ${target.taskId}` : `request ${target.requestId}`;
    throw new ApproverCallError(`${session.approver.name} has no open task for ${what}`, 404, null, null);
  }
  if (action === 'approve') await approveTask(session, task);
  else await rejectTask(session, task.id);
  return task;
}
