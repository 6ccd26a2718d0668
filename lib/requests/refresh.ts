import 'server-only';
import { terminalStatuses, type RequestStatus } from '@/lib/api/dto';
import { approvalDeadlines, evaluateApproval, isApproved } from '@/lib/policy';
import { getRequestStatus, type TsbRequestStatusDto } from '@/lib/tsb';
import { settleExecuted } from './result';
import { updateRequest, type StoredRequest } from './store';

export function isOpen(row: StoredRequest): boolean {
  return row.tsbRequestId !== null && !terminalStatuses.includes(row.status);
}

function approvalPatch(row: StoredRequest, status: TsbRequestStatusDto, checkedAt: Date) {
  const approvedBy = status.approvedBy ?? [];
  const rejectedBy = status.rejectedBy ?? [];
  const approval = evaluateApproval(row.rule, { approvedBy, rejectedBy });
  const approvedAt = isApproved(approval) ? checkedAt : null;
  const deadlines = approvalDeadlines(row.rule, new Date(row.createdAt), approvedAt);
  return {
    approvedBy,
    rejectedBy,
    approval,
    lastCheckedAt: checkedAt.toISOString(),
    timelockEndsAt: deadlines.timelockEndsAt?.toISOString() ?? null,
    expiresAt: deadlines.expiresAt?.toISOString() ?? null,
  };
}

const failedError = { code: 'tsb_failed', message: 'The HSM failed to execute the request.' };

/**
 * Brings an open request up to date with the TSB in one read: approvers, deadlines, lastCheckedAt and
 * any status change (which the store records in the history with its time). On EXECUTED the result is
 * stored and checked against the request. Terminal requests are returned unchanged, without a TSB call.
 */
export async function refreshRequest(row: StoredRequest): Promise<StoredRequest> {
  if (!isOpen(row) || row.tsbRequestId === null) return row;
  const status = await getRequestStatus(row.tsbRequestId);
  const patch = approvalPatch(row, status, new Date());
  if (status.status === 'EXECUTED') {
    const approved = await updateRequest(row.id, patch);
    // The TSB can report EXECUTED a moment before the result is readable; wait for the next look.
    if (!status.result) return approved;
    return settleExecuted(approved, status.result, status.executionTime ?? null);
  }
  if (status.status === 'FAILED')
    return updateRequest(row.id, { ...patch, status: 'FAILED', error: failedError });
  const next: RequestStatus = status.status;
  return updateRequest(row.id, next === row.status ? patch : { ...patch, status: next });
}
