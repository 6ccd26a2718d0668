import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
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
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Open TSB requests unknown to CertDesk</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  TSB request id
                </th>
                <th scope="col" className="py-2">
                  Status on the TSB
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {requests.map((request) => (
                <tr key={request.tsbRequestId}>
                  <td className="py-2 pr-4 font-mono text-xs">{request.tsbRequestId}</td>
                  <td className="py-2">{request.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
