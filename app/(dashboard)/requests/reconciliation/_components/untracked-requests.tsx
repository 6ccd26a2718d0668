import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableHead, Td, Th } from '@/components/ui/table';
import type { Reconciliation } from '@/lib/api/dto';

/** Open TSB requests CertDesk never recorded: someone else's, or sent around CertDesk. */
export function UntrackedRequests({ requests }: { requests: Reconciliation['untracked'] }) {
  return (
    <Card aria-labelledby="untracked-heading">
      <CardHeader>
        <CardTitle id="untracked-heading">On the TSB, unknown to CertDesk</CardTitle>
        <CardDescription>
          These requests wait for approval on the TSB under CertDesk&apos;s credential, but CertDesk has no
          record of them: someone sent them with the same credential from another tool or by hand. CertDesk
          does not follow them and will not show their certificates. Approvers still see them in their
          Authorization App, so find out who sent them before anyone approves, and cancel them on the TSB if
          no one expects them.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {requests === null ? (
          <EmptyState
            title="Not read this time"
            description="The TSB did not list its requests before the comparison had to answer. Compare again."
          />
        ) : requests.length === 0 ? (
          <EmptyState title="None" description="Every open request on the TSB is one CertDesk knows." />
        ) : (
          <Table variant="plain" caption="Open TSB requests unknown to CertDesk">
            <TableHead>
              <tr>
                <Th>TSB request id</Th>
                <Th>Status on the TSB</Th>
              </tr>
            </TableHead>
            <TableBody>
              {requests.map((request) => (
                <tr key={request.tsbRequestId}>
                  <Td className="pr-4 font-mono text-xs">{request.tsbRequestId}</Td>
                  <Td>{request.status}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
