import {
  extendedKeyUsageList,
  formatDateTime,
  keyUsageList,
  signatureAlgorithmLabel,
} from '@/components/requests/format';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { DescriptionList } from '@/components/ui/description-list';
import type { RequestView } from '@/lib/api/dto';

/** What was asked: key, names, usages, reason, and the identifiers to trace it upstream. */
export function RequestSummary({ request }: { request: RequestView }) {
  return (
    <Card aria-labelledby="summary-heading">
      <CardHeader>
        <CardTitle id="summary-heading">What was asked</CardTitle>
      </CardHeader>
      <CardContent>
        <DescriptionList
          items={[
            { term: 'Common name', detail: request.commonName },
            { term: 'Requester', detail: request.requester ?? '—' },
            { term: 'Signing key', detail: <span className="font-mono">{request.signKeyName}</span> },
            { term: 'Signature algorithm', detail: signatureAlgorithmLabel(request.signatureAlgorithm) },
            { term: 'Key usage asked', detail: keyUsageList(request.keyUsage) },
            { term: 'Extended key usage asked', detail: extendedKeyUsageList(request.extendedKeyUsage) },
            { term: 'Certificate authority', detail: request.certificateAuthority ? 'Yes (CA:TRUE)' : 'No' },
            { term: 'Reason', detail: request.reason || <em>none given</em> },
            {
              term: 'Mode',
              detail:
                request.mode === 'sync' ? 'Signed immediately (no approval policy)' : 'Approval required',
            },
            { term: 'Created', detail: formatDateTime(request.createdAt) },
            {
              term: 'Executed',
              detail: request.executionTime ? formatDateTime(request.executionTime) : <em>not yet</em>,
            },
            {
              term: 'TSB request id',
              detail: <span className="font-mono text-xs">{request.tsbRequestId ?? '—'}</span>,
            },
            { term: 'Request id', detail: <span className="font-mono text-xs">{request.id}</span> },
            {
              term: 'CSR SHA-256',
              detail: <span className="font-mono text-xs break-all">{request.csrSha256}</span>,
            },
          ]}
        />
      </CardContent>
    </Card>
  );
}
