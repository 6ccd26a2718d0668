import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import type { Inspected } from './inspect';
import type { Decoding } from './use-decoded';

/**
 * The loading, empty and error states every certificate or CSR view shares; null once there is a view to
 * show.
 */
export function DecodeStates<V>({
  decoding,
  what,
  emptyText,
}: {
  decoding: Decoding<Inspected<V>>;
  /** "certificate", "certificate signing request". */
  what: string;
  emptyText?: string;
}) {
  if (decoding.state === 'empty') {
    return <EmptyState title={`No ${what} to show`} description={emptyText} />;
  }
  if (decoding.state === 'decoding') {
    return (
      <LoadingRegion label={`Decoding the ${what}`} className="flex flex-col gap-2">
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-5 w-1/2" />
        <Skeleton className="h-40 w-full" />
      </LoadingRegion>
    );
  }
  if (!decoding.result.ok) {
    return (
      <Alert tone="danger" title={`This ${what} could not be decoded.`}>
        {decoding.result.error}
      </Alert>
    );
  }
  return null;
}
