import 'server-only';
import { terminalStatuses, type RequestStatus } from '@/lib/api/dto';
import { approvalDeadlines, evaluateApproval, isApproved } from '@/lib/policy';
import { getRequestStatus, type TsbRequestStatusDto } from '@/lib/tsb';
import { recordObserved } from './observed';
import { checkIssued, storeExecuted } from './result';
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
 * any status change (which the store records in the history with its time, and the audit log as a
 * system event, before it is stored: ./observed.ts). On EXECUTED the result is stored and checked against
 * the request; when the CA key's certificate cannot be read for the check, nothing is stored and the
 * TsbError is thrown, so that a later read settles it. Terminal requests are returned unchanged, without
 * a TSB call. Throws AuditUnavailableError, storing nothing, when a status change cannot be audited. The
 * TSB reads also end by `signal` when given (a user's deadline), else each by TSB_TIMEOUT_MS alone.
 */
export async function refreshRequest(row: StoredRequest, signal?: AbortSignal): Promise<StoredRequest> {
  if (!isOpen(row) || row.tsbRequestId === null) return row;
  const status = await getRequestStatus(row.tsbRequestId, signal);
  const patch = approvalPatch(row, status, new Date());
  if (status.status === 'EXECUTED') {
    const { result, executionTime = null } = status;
    // The TSB can report EXECUTED a moment before the result is readable; wait for the next look.
    if (!result) return updateRequest(row.id, patch);
    const resultMismatches = await checkIssued(row, result, undefined, signal);
    return recordObserved(row, { to: 'EXECUTED', resultMismatches }, () =>
      storeExecuted(row, result, executionTime, resultMismatches, patch),
    );
  }
  if (status.status === 'FAILED') {
    return recordObserved(row, { to: 'FAILED' }, () =>
      updateRequest(row.id, { ...patch, status: 'FAILED', error: failedError }),
    );
  }
  const next: RequestStatus = status.status;
  if (next === row.status) return updateRequest(row.id, patch);
  return recordObserved(row, { to: next }, () => updateRequest(row.id, { ...patch, status: next }));
}
