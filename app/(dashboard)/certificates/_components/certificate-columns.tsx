import { createColumnHelper } from '@tanstack/react-table';
import { ExpiryBadge } from '@/components/certificate/expiry-badge';
import { formatDateTime } from '@/components/requests/format';
import { TextLink } from '@/components/ui/text-link';
import type { CertificateSummary } from '@/lib/api/dto';

const column = createColumnHelper<CertificateSummary>();
const dateCell = { className: 'whitespace-nowrap' };

// Column ids are the list API's sort fields.
export const certificateColumns = [
  column.accessor('commonName', {
    header: 'Common name',
    cell: (info) => (
      <TextLink href={`/certificates/${info.row.original.id}`} className="font-medium">
        {info.getValue() ?? info.row.original.subject}
      </TextLink>
    ),
  }),
  column.accessor('issuer', { header: 'Issuer', enableSorting: false, meta: { className: 'text-xs' } }),
  column.accessor('source', {
    header: 'Source',
    enableSorting: false,
    cell: (info) => (info.getValue() === 'issued' ? 'Issued' : 'Imported'),
  }),
  column.accessor('notBefore', {
    header: 'Valid from',
    cell: (info) => formatDateTime(info.getValue()),
    meta: dateCell,
  }),
  column.accessor('notAfter', {
    header: 'Expires',
    cell: (info) => formatDateTime(info.getValue()),
    meta: dateCell,
  }),
  column.accessor('expiry', {
    header: 'State',
    enableSorting: false,
    cell: (info) => <ExpiryBadge certificate={info.row.original} />,
  }),
  column.accessor('createdAt', {
    header: 'Added',
    sortDescFirst: true,
    cell: (info) => formatDateTime(info.getValue()),
    meta: dateCell,
  }),
];
