import { policyApproverKeys } from '@/lib/policy';
import { TsbError } from './errors';
import { perform } from './issuance';
import { findKey } from './keys';
import { outcomeOf } from './policy-engine';
import { finalStatuses, type RequestRecord, type Simulator, type TaskRecord } from './state';
import { encodeApprovalToken, newNonce } from './token';

// The life of an asynchronous request: created with one task per approver of the key's use rule,
// brought up to date lazily on every read, executed exactly once when released.

type NewRequest = Pick<
  RequestRecord,
  'keyLabel' | 'operation' | 'metaData' | 'metaDataSignature' | 'body' | 'bodyField'
>;

export async function createRequest(sim: Simulator, fields: NewRequest): Promise<RequestRecord> {
  const key = findKey(sim, fields.keyLabel);
  const id = crypto.randomUUID();
  const now = sim.now();
  const rule = key.policy?.ruleUse ?? null;
  // Approvers known by name only (onboarded certificates) cannot be matched to a key, so get no task.
  const tasks = policyApproverKeys(rule).flatMap(({ name, publicKey }): TaskRecord[] => {
    if (publicKey === null) return [];
    const taskId = crypto.randomUUID();
    const token = encodeApprovalToken({ taskId, requestId: id, keyLabel: key.label, nonce: newNonce() });
    return [
      {
        id: taskId,
        approverName: name,
        approverKey: publicKey,
        token,
        createdAt: now,
        lastFetchedAt: null,
        decision: null,
      },
    ];
  });
  const request: RequestRecord = {
    ...fields,
    id,
    rule,
    createdAt: now,
    status: 'PENDING',
    approvedAt: null,
    executionTime: null,
    result: null,
    tasks,
    settling: null,
  };
  sim.requests.set(id, request);
  await settle(sim, request);
  return request;
}

export function findRequest(sim: Simulator, id: string): RequestRecord {
  const request = sim.requests.get(id);
  if (!request) throw new TsbError('requestNotFound', `request ${id} does not exist`);
  return request;
}

/** Brings the request's status up to date with the clock and its approvals; executes it once when released. */
export async function settle(sim: Simulator, request: RequestRecord): Promise<void> {
  if (request.settling) return request.settling;
  if (finalStatuses.has(request.status)) return;
  const now = sim.now();
  const outcome = outcomeOf(request, now);
  if (outcome.status === 'RELEASE' || outcome.status === 'APPROVED') request.approvedAt ??= now;
  if (outcome.status !== 'RELEASE') {
    request.status = outcome.status;
    return;
  }
  request.settling = execute(sim, request, outcome.at).finally(() => {
    request.settling = null;
  });
  return request.settling;
}

async function execute(sim: Simulator, request: RequestRecord, at: Date): Promise<void> {
  try {
    const key = findKey(sim, request.keyLabel);
    const certificate = await perform(key, request.operation, at);
    // The TSB reports an executed selfsign as "true"; the certificate is then attached to the key.
    request.result = request.operation.type === 'selfSign' ? 'true' : certificate.toString('pem');
    request.status = 'EXECUTED';
    request.executionTime = at;
  } catch (error) {
    console.error(`TSB simulator: request ${request.id} failed`, error);
    request.status = 'FAILED';
  }
}

/** Records an approver's decision on an open task of a PENDING request. */
export async function decide(
  sim: Simulator,
  request: RequestRecord,
  task: TaskRecord,
  kind: 'approved' | 'rejected',
) {
  await settle(sim, request);
  if (request.status !== 'PENDING') {
    throw new TsbError(
      'invalidConstellation',
      `request ${request.id} is ${request.status} and takes no more decisions`,
    );
  }
  if (task.decision)
    throw new TsbError('invalidConstellation', `task ${task.id} was already ${task.decision.kind}`);
  task.decision = { kind, at: sim.now() };
  await settle(sim, request);
}

/** DELETE /v1/request/{id}: cancels a request that is not final; cancelling twice is harmless. */
export async function cancel(sim: Simulator, request: RequestRecord): Promise<void> {
  await settle(sim, request);
  if (request.status === 'CANCELLED') return;
  if (finalStatuses.has(request.status)) {
    throw new TsbError(
      'invalidConstellation',
      `request ${request.id} is ${request.status} and can no longer be cancelled`,
    );
  }
  request.status = 'CANCELLED';
}
