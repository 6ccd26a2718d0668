import 'server-only';
import type { RequestStatus } from '@/lib/api/dto';
import { audited, type AuditInput } from '@/lib/audit';
import type { StoredRequest } from './store';

// Status changes CertDesk reads on the TSB (approved, executed, rejected, expired, cancelled, failed, and
// an issued certificate that is not what was asked) are audited like a person's action: an intent before
// the change is stored, the outcome after, under the system actor (docs/audit-log.md, "System events").
// So are the changes reconciliation makes to a submission whose outcome was unknown (./reconcile.ts).

/** Who records what CertDesk saw on the TSB: no person, whichever read saw it. */
export const trackerActor: AuditInput['actor'] = { userId: 'system:tracker', email: null, role: 'system' };

/** Who records what reconciliation settled from the TSB's own list of requests. */
export const reconcilerActor: AuditInput['actor'] = {
  userId: 'system:reconciler',
  email: null,
  role: 'system',
};

export type Observed = {
  to: RequestStatus;
  /** For EXECUTED: what is wrong with the certificate; empty when it is what was asked. */
  resultMismatches?: string[];
};

function actionOf({ to, resultMismatches = [] }: Observed): string {
  return resultMismatches.length > 0 ? 'request.result_mismatch' : `request.${to.toLowerCase()}`;
}

/**
 * Stores, through `store`, a status change read from the TSB, between an intent and an outcome record.
 * When the intent cannot be written nothing is stored and AuditUnavailableError is thrown: the request
 * keeps its status (and its lastCheckedAt) and the change, still on the TSB, is seen again on the next read.
 */
export function recordObserved(
  row: StoredRequest,
  observed: Observed,
  store: () => Promise<StoredRequest>,
): Promise<StoredRequest> {
  const { resultMismatches = [] } = observed;
  return audited(
    {
      actor: trackerActor,
      action: actionOf(observed),
      target: `request:${row.id}`,
      csrSha256: row.csrSha256,
      details: {
        from: row.status,
        to: observed.to,
        tsbRequestId: row.tsbRequestId,
        ...(resultMismatches.length > 0 ? { resultMismatches } : {}),
      },
    },
    store,
  );
}

/**
 * What reconciliation settled: `linked` to the TSB request it became, `not_received` by the TSB, or, for a
 * synchronous signing that leaves no request on the TSB to look for, its `answer_lost` for good.
 */
export type Reconciled =
  | { action: 'linked'; tsbRequestId: string; certain: boolean }
  | { action: 'not_received' }
  | { action: 'answer_lost' };

/**
 * Stores, through `store`, reconciliation's change to an UNKNOWN submission, between an intent and an
 * outcome record under the reconciler. When the intent cannot be written nothing is stored and
 * AuditUnavailableError is thrown: the submission stays UNKNOWN for the next pass to settle.
 */
export function recordReconciled(
  row: StoredRequest,
  reconciled: Reconciled,
  store: () => Promise<StoredRequest>,
): Promise<StoredRequest> {
  const details =
    reconciled.action === 'linked'
      ? {
          from: row.status,
          to: 'PENDING',
          tsbRequestId: reconciled.tsbRequestId,
          certain: reconciled.certain,
        }
      : { from: row.status, to: 'FAILED', tsbRequestId: null };
  return audited(
    {
      actor: reconcilerActor,
      action: `request.${reconciled.action}`,
      target: `request:${row.id}`,
      csrSha256: row.csrSha256,
      details,
    },
    store,
  );
}
