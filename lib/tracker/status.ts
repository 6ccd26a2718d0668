import 'server-only';
import type { TrackerStatus } from '@/lib/api/dto';
import type { TrackerStats } from './due-queue';
import { runningTracker } from '.';

// The tracker's figures as GET /api/tracker shows them. They are counted in memory by the one tracker of
// this server process; reading them costs no TSB call.

const idle: TrackerStats = {
  readsPerSecond: Infinity,
  reads: 0,
  deferred: 0,
  waiting: 0,
  longestGapMs: 0,
  following: 0,
  stalestMs: 0,
};

/** This process's tracker's stats(), or zeros and `running: false` when it follows nothing. */
export function trackerStatus(): TrackerStatus {
  const tracker = runningTracker();
  const stats = tracker?.stats() ?? idle;
  return {
    ...stats,
    running: tracker !== null,
    readsPerSecond: Number.isFinite(stats.readsPerSecond) ? stats.readsPerSecond : null,
  };
}
