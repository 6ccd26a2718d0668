import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { RequestStatus } from '@/lib/api/dto';

const tones: Record<RequestStatus, BadgeTone> = {
  SUBMITTING: 'info',
  UNKNOWN: 'warn',
  PENDING: 'info',
  APPROVED: 'info',
  EXECUTED: 'ok',
  REJECTED: 'danger',
  EXPIRED: 'warn',
  CANCELLED: 'neutral',
  FAILED: 'danger',
};

/** Plain words for each status, for tooltips and screen readers. */
export const statusDescriptions: Record<RequestStatus, string> = {
  SUBMITTING: 'Being sent to the HSM',
  UNKNOWN: 'The HSM did not confirm receipt; being reconciled',
  PENDING: 'Waiting for approvals',
  APPROVED: 'Approved; waiting for the timelock or execution',
  EXECUTED: 'Signed: the certificate is issued',
  REJECTED: 'Rejected by approvers',
  EXPIRED: 'Expired before enough approvals arrived',
  CANCELLED: 'Cancelled',
  FAILED: 'The HSM failed to sign',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge tone={tones[status]} title={statusDescriptions[status]}>
      {status}
    </Badge>
  );
}

/** Status names for filters and sentences. */
export const statusLabels: Record<RequestStatus, string> = {
  SUBMITTING: 'Submitting',
  UNKNOWN: 'Unknown',
  PENDING: 'Pending',
  APPROVED: 'Approved',
  EXECUTED: 'Executed',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
  FAILED: 'Failed',
};

export function statusOptions<S extends RequestStatus>(statuses: readonly S[]) {
  return statuses.map((value) => ({ value, label: statusLabels[value] }));
}
