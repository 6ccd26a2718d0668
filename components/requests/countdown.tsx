'use client';

import { useEffect, useState } from 'react';
import { formatAgo, formatDuration } from './format';

/** The current time, refreshed every `intervalMs` while mounted. */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "<label> in 4 min 09 s", ticking every second, or `passed` once the moment is reached. */
export function Countdown({ label, at, passed }: { label: string; at: string; passed: string }) {
  const now = useNow();
  const seconds = (new Date(at).getTime() - now) / 1000;
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()} className="tabular-nums">
      {seconds > 0 ? `${label} in ${formatDuration(seconds)}` : passed}
    </time>
  );
}

/** "<prefix> 3 min ago", refreshed every 15 s; the exact time is in the tooltip. */
export function TimeAgo({ at, prefix }: { at: string; prefix?: string }) {
  const now = useNow(15_000);
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {prefix ? `${prefix} ` : null}
      {formatAgo(at, now)}
    </time>
  );
}
