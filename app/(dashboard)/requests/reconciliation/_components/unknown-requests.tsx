import { RequestsTable } from '@/components/requests/requests-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { RequestView } from '@/lib/api/dto';

/** Submissions whose answer from the TSB was lost, waiting to be settled. */
export function UnknownRequests({ requests }: { requests: RequestView[] }) {
  return (
    <Card aria-labelledby="unknown-heading">
      <CardHeader>
        <CardTitle id="unknown-heading">Sent, outcome unknown</CardTitle>
        <CardDescription>
          CertDesk sent these requests to the TSB, but the answer never arrived (a timeout or a dropped
          connection), so it cannot tell whether the TSB has them. It will not send them again, which could
          sign twice: instead it looks for them among the TSB&apos;s requests and settles each one as soon as
          it knows. Nothing needs doing here; a request that stays in this list for long points at a TSB that
          cannot be reached.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {requests.length === 0 ? (
          <EmptyState title="None" description="Every submission's outcome is known." />
        ) : (
          <RequestsTable requests={requests} caption="Requests whose submission outcome is unknown" />
        )}
      </CardContent>
    </Card>
  );
}
