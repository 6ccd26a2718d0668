import type { RequestView } from '@/lib/api/dto';
import { formatDateTime } from './format';
import { statusDescriptions, statusLabels } from './status-badge';

/**
 * Every status the request went through, oldest first, with when and why. Statuses are words here, not
 * badges: the one badge on the page is the current status.
 */
export function StatusHistory({ history }: { history: RequestView['history'] }) {
  if (history.length === 0) return <p className="text-sm text-slate-600">No status change recorded yet.</p>;
  return (
    <ol className="flex flex-col border-l-2 border-slate-200">
      {history.map((entry, index) => (
        <li
          key={`${entry.status}-${entry.at}-${index}`}
          className="relative flex flex-col gap-1 pb-4 pl-5 last:pb-0"
        >
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[7px] h-3 w-3 rounded-full border-2 border-white bg-slate-400"
          />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold">{statusLabels[entry.status]}</span>
            <time dateTime={entry.at} className="text-slate-700">
              {formatDateTime(entry.at)}
            </time>
          </div>
          <p className="text-sm text-slate-600">{entry.note ?? statusDescriptions[entry.status]}</p>
        </li>
      ))}
    </ol>
  );
}
