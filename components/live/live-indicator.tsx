import { cn } from '@/components/ui/cn';
import type { LiveStatus } from '@/lib/query/events';

const looks: Record<LiveStatus, { text: string; dot: string; hint: string }> = {
  live: { text: 'Live', dot: 'bg-ok', hint: 'Changes are pushed to this page as they happen.' },
  reconnecting: {
    text: 'Reconnecting…',
    dot: 'bg-warn animate-pulse',
    hint: 'The live connection dropped; this page re-reads every few seconds until it is back.',
  },
  polling: {
    text: 'Polling',
    dot: 'bg-slate-400',
    hint: 'Live updates are unavailable; this page re-reads every few seconds.',
  },
};

/** Whether the page is updated by pushed events or by re-reading; announced when it changes. */
export function LiveIndicator({ status, className }: { status: LiveStatus; className?: string }) {
  const look = looks[status];
  return (
    <p
      role="status"
      title={look.hint}
      className={cn(
        'inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3 py-1 text-sm font-medium',
        className,
      )}
    >
      <span aria-hidden="true" className={cn('h-2 w-2 rounded-full', look.dot)} />
      {look.text}
    </p>
  );
}
