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
          connection), so it cannot tell whether the TSB has them. It never sends one again, which could sign
          twice. Instead it looks for each among the TSB&apos;s requests: once found, the request is followed
          as usual; if nothing on the TSB can be it after a grace period, it is marked failed and can safely
          be submitted again. A request for a key without an approval policy is signed at once and leaves
          nothing on the TSB to look for: after the grace period it is marked failed with &ldquo;answer
          lost&rdquo;, since the TSB may have signed a certificate CertDesk never received. Ask the TSB&apos;s
          operators whether it was signed before submitting it again.
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
