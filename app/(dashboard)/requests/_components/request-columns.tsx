import { createColumnHelper } from '@tanstack/react-table';
import { formatDateTime } from '@/components/requests/format';
import { StatusBadge } from '@/components/requests/status-badge';
import { TextLink } from '@/components/ui/text-link';
import type { RequestView } from '@/lib/api/dto';

const column = createColumnHelper<RequestView>();

// Column ids are the list API's sort fields; dates sort newest first on the first click.
export const requestColumns = [
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  column.accessor('commonName', {
    header: 'Common name',
    cell: (info) => (
      <TextLink href={`/requests/${info.row.original.id}`} className="font-medium">
        {info.getValue()}
      </TextLink>
    ),
  }),
  column.accessor('signKeyName', {
    header: 'Signing key',
    meta: { className: 'font-mono text-xs' },
  }),
  column.accessor('requester', {
    header: 'Requester',
    enableSorting: false,
    cell: (info) => info.getValue() ?? '—',
  }),
  column.accessor('createdAt', {
    header: 'Created',
    sortDescFirst: true,
    cell: (info) => formatDateTime(info.getValue()),
    meta: { className: 'whitespace-nowrap' },
  }),
  column.accessor('updatedAt', {
    header: 'Last change',
    sortDescFirst: true,
    cell: (info) => formatDateTime(info.getValue()),
    meta: { className: 'whitespace-nowrap' },
  }),
];
