'use client';

import { formatDuration } from '@/components/requests/format';
import type { TrackerStatus as Status } from '@/lib/api/dto';
import { useTrackerStatus } from '@/lib/query/tracker';

const count = new Intl.NumberFormat();

function span(ms: number): string {
  return ms < 1000 ? 'under a second' : formatDuration(ms / 1000);
}

function summary(status: Status): string {
  if (!status.running) return 'not running in this server process: open requests are not followed.';
  const pace =
    status.waiting === 0
      ? 'keeping up'
      : `behind: ${count.format(status.waiting)} due requests wait for the read budget`;
  const budget =
    status.readsPerSecond === null
      ? 'no read budget'
      : `budget ${count.format(status.readsPerSecond)} reads/s`;
  return [
    pace,
    `${count.format(status.following)} open requests followed`,
    `stalest read ${span(status.stalestMs)} ago`,
    `longest gap ${span(status.longestGapMs)}`,
    `${count.format(status.reads)} reads, ${count.format(status.deferred)} deferred`,
    budget,
  ].join(' · ');
}

/** One line on whether the tracker keeps up with the open requests, refreshed every few seconds. */
export function TrackerStatus() {
  const { data, error } = useTrackerStatus();
  const text = data ? summary(data) : error ? `status unavailable (${error.message})` : 'loading…';
  return (
    <p className="text-sm text-slate-600">
      <span className="font-medium text-slate-800">Tracker:</span> {text}
    </p>
  );
}
