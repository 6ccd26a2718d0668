import Link from 'next/link';
import type { RequestView } from '@/lib/api/dto';
import { focusRing } from '@/components/ui/focus';
import { formatDateTime } from './format';
import { StatusBadge } from './status-badge';

/** Requests as a table, newest first as given. */
export function RequestsTable({ requests, caption }: { requests: RequestView[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              Status
            </th>
            <th scope="col" className="px-4 py-2">
              Common name
            </th>
            <th scope="col" className="px-4 py-2">
              Signing key
            </th>
            <th scope="col" className="px-4 py-2">
              Created
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {requests.map((request) => (
            <tr key={request.id}>
              <td className="px-4 py-2">
                <StatusBadge status={request.status} />
              </td>
              <td className="px-4 py-2 font-medium">{request.commonName}</td>
              <td className="px-4 py-2 font-mono text-xs">{request.signKeyName}</td>
              <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(request.createdAt)}</td>
              <td className="px-4 py-2 text-right">
                <Link
                  href={`/requests/${request.id}`}
                  className={`rounded text-brand underline-offset-4 hover:underline ${focusRing}`}
                >
                  Open<span className="sr-only"> request for {request.commonName}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
