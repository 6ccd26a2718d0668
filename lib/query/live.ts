// Stand-in until the event stream lands: without pushed changes, every list polls.

export type LiveStatus = 'live' | 'reconnecting' | 'polling';

export function useLiveStatus(): LiveStatus {
  return 'polling';
}

/** How often a watched view re-reads our API: only while pushed changes are not arriving. */
export function useLivePolling(intervalMs = 5_000): number | false {
  return intervalMs;
}
