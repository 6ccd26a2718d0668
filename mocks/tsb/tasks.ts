import { stripWhitespace, toBase64 } from '@/lib/pki/bytes';
import { parseSpki, verifyApproverSignature } from './crypto';
import { parseCertificateBase64 } from './csr';
import { TsbError } from './errors';
import { settle } from './lifecycle';
import type { TaskFilter, TimestampProof } from './schemas';
import type { RequestRecord, Simulator, TaskRecord } from './state';

// Approval tasks as approver apps see them (tsb-api.md §6), and the proofs approvers give.

/** Largest distance between an approver's timestamp and the simulator's clock, either way. */
export const maxTimestampSkewMs = 10 * 60 * 1000;

/** The approver's base64 SPKI, from its public key or its certificate. */
export function approverKeyOf(body: {
  approverPublicKey?: string | null;
  approverCertificate?: string | null;
}): string {
  if (body.approverPublicKey) {
    const key = stripWhitespace(body.approverPublicKey);
    if (!parseSpki(key))
      throw new TsbError('validationFailed', 'approverPublicKey is not a base64 DER public key');
    return key;
  }
  if (body.approverCertificate)
    return toBase64(new Uint8Array(parseCertificateBase64(body.approverCertificate).publicKey.rawData));
  throw new TsbError('validationFailed', 'approverPublicKey or approverCertificate is required');
}

/** Checks the signed-timestamp proof and returns the approver's key: 403 bad signature, 404 stale timestamp. */
export function verifyTimestampProof(sim: Simulator, proof: TimestampProof): string {
  const approverKey = approverKeyOf(proof);
  const signed = new TextEncoder().encode(proof.timestamp);
  if (
    !verifyApproverSignature(approverKey, proof.timestampDigestAlgorithm, signed, proof.timestampSignature)
  ) {
    throw new TsbError('invalidSignature', 'timestampSignature does not verify with the approver key');
  }
  const skew = Math.abs(sim.now().getTime() - Date.parse(proof.timestamp));
  if (!(skew <= maxTimestampSkewMs)) {
    throw new TsbError(
      'timestampOff',
      `timestamp is ${Math.round(skew / 1000)} s away from the TSB clock (at most 600 s)`,
    );
  }
  return approverKey;
}

export function findTask(sim: Simulator, taskId: string): { request: RequestRecord; task: TaskRecord } {
  for (const request of sim.requests.values()) {
    const task = request.tasks.find((candidate) => candidate.id === taskId);
    if (task) return { request, task };
  }
  throw new TsbError('taskNotFound', `task ${taskId} does not exist`);
}

type Listed = { request: RequestRecord; task: TaskRecord };

const sorters = {
  CREATION_DATE_ASC: (a: Listed, b: Listed) => a.task.createdAt.getTime() - b.task.createdAt.getTime(),
  CREATION_DATE_DESC: (a: Listed, b: Listed) => b.task.createdAt.getTime() - a.task.createdAt.getTime(),
  LAST_FETCHED_DATE_ASC: (a: Listed, b: Listed) =>
    (a.task.lastFetchedAt?.getTime() ?? 0) - (b.task.lastFetchedAt?.getTime() ?? 0),
  LAST_FETCHED_DATE_DESC: (a: Listed, b: Listed) =>
    (b.task.lastFetchedAt?.getTime() ?? 0) - (a.task.lastFetchedAt?.getTime() ?? 0),
};

/** The approver's open tasks: undecided, of requests still PENDING, filtered and paged as asked. */
export async function openTasksOf(
  sim: Simulator,
  approverKey: string,
  filter: TaskFilter,
): Promise<Listed[]> {
  const requests = [...sim.requests.values()].filter(
    (request) => !filter.requestId || filter.id || request.id === filter.requestId,
  );
  await Promise.all(requests.map((request) => settle(sim, request)));
  const listed = requests
    .filter((request) => request.status === 'PENDING')
    .flatMap((request) => request.tasks.map((task) => ({ request, task })))
    .filter(
      ({ task }) =>
        task.approverKey === approverKey && !task.decision && (!filter.id || task.id === filter.id),
    )
    .sort(sorters[filter.paging?.sortOrder ?? 'CREATION_DATE_ASC']);
  const page = filter.paging
    ? listed.slice(filter.paging.pageNumber * filter.paging.pageSize).slice(0, filter.paging.pageSize)
    : listed;
  const now = sim.now();
  for (const { task } of page) task.lastFetchedAt = now;
  return page;
}

const levels = { level1: 1, level2: 2, level3: 3, level4: 3, level5: 3, level6: 3 } as const;

/**
 * A task at the asked detail level. Levels 4–6 (HSM timestamp, key XML, request status) are answered with
 * the level 3 content, and say so in detailLevel.
 */
export function taskDto({ request, task }: Listed, detailLevel: keyof typeof levels = 'level1') {
  const level = levels[detailLevel];
  const base = {
    detailLevel: `level${level}`,
    id: task.id,
    approvalToBeSigned: toBase64(task.token),
    approverPublicKey: task.approverKey,
  };
  if (level === 1) return base;
  const withMeta = {
    ...base,
    metaData: request.metaData,
    metaDataSignature: request.metaDataSignature,
    payload: null,
    payloadType: 'UNSPECIFIED',
  };
  if (level === 2) return withMeta;
  return {
    ...withMeta,
    requestBase64: toBase64(new TextEncoder().encode(JSON.stringify(request.body))),
    signedSignRequest: null,
    signedModifyKeyRequest: null,
    signedBlockKeyRequest: null,
    signedUnblockKeyRequest: null,
    signedDecryptRequest: null,
    signedUnwrapKeyRequest: null,
    signedCertificateRequestRequest: null,
    signedSignCertificateRequest: null,
    signedSelfSignCertificateRequestDto: null,
    [request.bodyField]: request.body,
  };
}
