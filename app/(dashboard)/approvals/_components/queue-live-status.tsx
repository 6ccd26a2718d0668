'use client';

import { LiveIndicator } from '@/components/live/live-indicator';
import { useLiveStatus } from '@/lib/query/events';

export function QueueLiveStatus() {
  return <LiveIndicator status={useLiveStatus()} />;
}
