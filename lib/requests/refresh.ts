import 'server-only';
import { terminalStatuses } from '@/lib/api/dto';
import { approvalDeadlines, evaluateApproval, isApproved } from '@/lib/policy';
import { getRequestStatus, type TsbRequestStatusDto } from '@/lib/tsb';
import { settleExecuted } from './result';
import { updateRequest, type StoredRequest } from './store';

export function isOpen(row: StoredRequest): boolean {
  return row.tsbRequestId !== null && !terminalStatuses.includes(row.status);
}

function approvalPatch(row: StoredRequest, status: TsbRequestStatusDto) {
  const approvedBy = status.approvedBy ?? [];
  const rejectedBy = status.rejectedBy ?? [];
  const approval = evaluateApproval(row.rule, { approvedBy, rejectedBy });
  const approvedAt = isApproved(approval) ? new Date() : null;
  const deadlines = approvalDeadlines(row.rule, new Date(row.createdAt), approvedAt);
  return {
    approvedBy,
    rejectedBy,
    approval,
    lastCheckedAt: new Date().toISOString(),
    timelockEndsAt: deadlines.timelockEndsAt?.toISOString() ?? null,
    expiresAt: deadlines.expiresAt?.toISOString() ?? null,
  };
}

/** Brings an open request up to date with the TSB. Terminal requests are returned unchanged. */
export async function refreshRequest(row: StoredRequest): Promise<StoredRequest> {
  if (!isOpen(row) || row.tsbRequestId === null) return row;
  const status = await getRequestStatus(row.tsbRequestId);
  const patched = await updateRequest(row.id, approvalPatch(row, status));
  if (status.status === 'EXECUTED') {
    // The TSB can report EXECUTED a moment before the result is readable; wait for the next look.
    if (!status.result) return patched;
    return settleExecuted(patched, status.result, status.executionTime ?? null);
  }
  if (status.status === 'FAILED') {
    return await updateRequest(row.id, { status: 'FAILED', error: { code: 'tsb_failed', message: 'The HSM failed to execute the request.' } });
  }
  return status.status === patched.status ? patched : await updateRequest(row.id, { status: status.status });
}
