import type { RequestView } from '@/lib/api/dto';
import { Table, TableBody, TableHead, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { formatDateTime } from './format';
import { StatusBadge } from './status-badge';

/** Requests as a table, newest first as given. */
export function RequestsTable({ requests, caption }: { requests: RequestView[]; caption: string }) {
  return (
    <Table caption={caption}>
      <TableHead>
        <tr>
          <Th>Status</Th>
          <Th>Common name</Th>
          <Th>Signing key</Th>
          <Th>Created</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {requests.map((request) => (
          <tr key={request.id}>
            <Td>
              <StatusBadge status={request.status} />
            </Td>
            <Td className="font-medium">{request.commonName}</Td>
            <Td className="font-mono text-xs">{request.signKeyName}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(request.createdAt)}</Td>
            <Td className="text-right">
              <TextLink href={`/requests/${request.id}`}>
                Open<span className="sr-only"> request for {request.commonName}</span>
              </TextLink>
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
