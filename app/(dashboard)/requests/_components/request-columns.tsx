import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { formatDateTime } from '@/components/requests/format';
import { StatusBadge } from '@/components/requests/status-badge';
import { focusRing } from '@/components/ui/focus';
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
      <Link
        href={`/requests/${info.row.original.id}`}
        className={`rounded font-medium text-brand underline-offset-4 hover:underline ${focusRing}`}
      >
        {info.getValue()}
      </Link>
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
