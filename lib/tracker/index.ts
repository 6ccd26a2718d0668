import 'server-only';
import { getConfig } from '@/lib/config';
import { reconcile } from '@/lib/requests/reconcile';
import { refreshRequest } from '@/lib/requests/refresh';
import { listOpenRequests, recoverInterrupted } from '@/lib/requests/store';
import type { IntervalStep } from './schedule';
import { createTracker, type Tracker, type TrackerDeps, type TrackerOptions } from './tracker';

// The server's one tracker. Kept on globalThis so that dev-mode module reloads, or a second call, never
// start a second poller.

export {
  createTracker,
  type CycleReport,
  type Tracker,
  type TrackerDeps,
  type TrackerOptions,
  type TrackerStats,
} from './tracker';

const holder = globalThis as typeof globalThis & { __certdeskTracker?: Tracker };

export const trackerDeps: TrackerDeps = {
  listOpenRequests,
  refreshRequest,
  reconcile,
  recoverInterrupted,
};

/** The pause between cycles for these intervals: a due request waits at most that long past its time. */
export function cycleMsFor(intervals: readonly IntervalStep[]): number {
  // A quarter of the shortest interval, within 0.1 s and 1 s.
  return Math.min(1000, Math.max(100, Math.min(...intervals.map((step) => step.every)) / 4));
}

/** The tracker as configured by the environment (TRACKER_*), not started. */
export function configuredTracker(overrides: Partial<TrackerOptions> = {}): Tracker {
  const { intervals, concurrency, readsPerSecond } = getConfig().tracker;
  return createTracker(trackerDeps, {
    intervals,
    concurrency,
    readsPerSecond,
    cycleMs: cycleMsFor(intervals),
    reconcileEveryMs: 10_000,
    ...overrides,
  });
}

/** Starts this process's tracker unless TRACKER_ENABLED=false or it runs already; returns it, or null. */
export function startTracker(): Tracker | null {
  if (!getConfig().tracker.enabled) return null;
  if (!holder.__certdeskTracker) {
    holder.__certdeskTracker = configuredTracker();
    holder.__certdeskTracker.start();
  }
  return holder.__certdeskTracker;
}

/** This process's tracker when it runs, else null. */
export function runningTracker(): Tracker | null {
  return holder.__certdeskTracker ?? null;
}

/** Stops this process's tracker, waiting for a cycle in progress. */
export async function stopTracker(): Promise<void> {
  const tracker = holder.__certdeskTracker;
  delete holder.__certdeskTracker;
  await tracker?.stop();
}
