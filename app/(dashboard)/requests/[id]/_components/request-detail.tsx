'use client';

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CancelRequest } from '@/components/requests/cancel-request';
import { TimeAgo } from '@/components/requests/countdown';
import { statusDescriptions, StatusBadge } from '@/components/requests/status-badge';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import type { RequestView } from '@/lib/api/dto';
import { isApiError } from '@/lib/api/fetcher';
import { hsmImportOf } from '@/lib/api/hsm-import';
import { requestAuditHref } from '@/lib/query/audit';
import { isTerminal, useRequest } from '@/lib/query/requests';
import { ApprovalSection } from './approval-section';
import { HistorySection } from './history-section';
import { IssuedCertificate } from './issued-certificate';
import { RequestSummary } from './request-summary';

/** What a request's error says happened; only a refusal is "did not go through". */
function errorTitle(request: RequestView): string {
  if (request.error?.code === 'answer_lost')
    return 'The TSB’s answer was lost: a certificate may have been signed.';
  if (hsmImportOf(request).state === 'unknown') return 'Whether the certificate was imported is not known.';
  if (request.status === 'UNKNOWN') return 'The TSB’s answer did not arrive.';
  return 'The request did not go through.';
}

type RequestDetailProps = {
  id: string;
  /** Whether the actor may open the audit log (the link is shown only then). */
  auditTrail: boolean;
  /** Whether the actor's role may cancel requests at all. */
  mayCancel: boolean;
};

/** One request, re-read every 2 s until it reaches a final status. */
export function RequestDetail({ id, auditTrail, mayCancel }: RequestDetailProps) {
  const { data: request, error, refetch } = useRequest(id);

  if (!request) {
    if (isApiError(error) && error.status === 404) notFound();
    if (error) {
      return (
        <ErrorState
          title="The request could not be loaded."
          message={error.message}
          onRetry={() => void refetch()}
        />
      );
    }
    return (
      <LoadingRegion label="Loading the request" className="flex flex-col gap-4">
        <Skeleton className="h-8 w-80" />
        <Skeleton className="h-48 w-full" />
        <Skeleton className="h-48 w-full" />
      </LoadingRegion>
    );
  }

  const cancellable = mayCancel && (request.status === 'PENDING' || request.status === 'APPROVED');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Request for ${request.commonName}`}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <span>Status</span>
            <StatusBadge status={request.status} />
            <span>{statusDescriptions[request.status]}</span>
            {request.lastCheckedAt ? (
              <span className="text-slate-500">
                · <TimeAgo at={request.lastCheckedAt} prefix="last checked on the TSB" />
              </span>
            ) : null}
          </p>
        }
        actions={
          <>
            {auditTrail ? (
              <Link href={requestAuditHref(request.id)} className={buttonVariants({ variant: 'secondary' })}>
                Audit trail
              </Link>
            ) : null}
            {cancellable ? <CancelRequest id={request.id} /> : null}
          </>
        }
      />
      {/* A failed refresh keeps the last known state on screen and keeps trying. */}
      {error ? (
        <Alert tone="warn" title="The latest status could not be read.">
          {error.message} Showing the state last read.
        </Alert>
      ) : null}
      {request.error ? (
        <Alert tone="danger" title={errorTitle(request)}>
          {request.error.message}
        </Alert>
      ) : null}
      <RequestSummary request={request} />
      {request.approval ? (
        <ApprovalSection request={request} approval={request.approval} live={!isTerminal(request)} />
      ) : null}
      {request.status === 'EXECUTED' && request.certificatePem ? (
        <IssuedCertificate request={request} certificatePem={request.certificatePem} />
      ) : null}
      <HistorySection history={request.history} />
    </div>
  );
}
