import { createColumnHelper } from '@tanstack/react-table';
import { AuditDetails, formatUtc } from '@/components/audit/audit-details';
import { AuditOutcomeBadge } from '@/components/audit/outcome-badge';
import { TextLink } from '@/components/ui/text-link';
import type { AuditEvent } from '@/lib/audit/dto';

const column = createColumnHelper<AuditEvent>();

function Target({ target }: { target: string | null }) {
  if (!target) return <span className="text-slate-400">—</span>;
  const request = /^request:([0-9a-f-]{36})$/.exec(target);
  if (!request) return <span className="font-mono text-xs break-all">{target}</span>;
  return (
    <TextLink href={`/requests/${request[1]}`} className="font-mono text-xs break-all">
      {target}
    </TextLink>
  );
}

// Only seq sorts: it is the log's order, and times follow it.
export const auditColumns = [
  column.accessor('seq', { header: '#', sortDescFirst: true, meta: { className: 'font-mono tabular-nums' } }),
  column.accessor('at', {
    header: 'Time (UTC)',
    enableSorting: false,
    cell: (info) => formatUtc(info.getValue()),
    meta: { className: 'whitespace-nowrap text-xs' },
  }),
  column.accessor('actor', {
    header: 'Actor',
    enableSorting: false,
    cell: (info) => {
      const { email, userId, role } = info.getValue();
      return (
        <span className="flex flex-col">
          <span className="whitespace-nowrap">{email ?? userId ?? 'anonymous'}</span>
          {role ? <span className="text-xs text-slate-500">{role}</span> : null}
        </span>
      );
    },
  }),
  column.accessor('action', {
    header: 'Action',
    enableSorting: false,
    meta: { className: 'font-mono text-xs' },
  }),
  column.accessor('target', {
    header: 'Target',
    enableSorting: false,
    cell: (info) => <Target target={info.getValue()} />,
  }),
  column.accessor('outcome', {
    header: 'Outcome',
    enableSorting: false,
    cell: (info) => <AuditOutcomeBadge action={info.row.original.action} outcome={info.getValue()} />,
  }),
  column.accessor('details', {
    header: 'Details',
    enableSorting: false,
    cell: (info) => (
      <div className="flex flex-col gap-1">
        {info.row.original.csrSha256 ? (
          <span className="font-mono text-xs break-all">CSR SHA-256 {info.row.original.csrSha256}</span>
        ) : null}
        <AuditDetails details={info.getValue()} />
      </div>
    ),
  }),
];
