import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { requestEventSchema, type RequestView } from '@/lib/api/dto';

// Pushed request changes (GET /api/events) applied to the query cache. While the stream is up, views of
// requests need not poll; while it is down they poll our API (never the TSB) until it is back.

export type LiveStatus = 'live' | 'reconnecting' | 'polling';

let status: LiveStatus = 'polling';
const watchers = new Set<() => void>();

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  watchers.forEach((watcher) => watcher());
}

function watch(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** The status now, outside React. */
export function currentLiveStatus(): LiveStatus {
  return status;
}

/** 'live' while changes are pushed; 'reconnecting' while the browser retries; 'polling' while we wait to. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(watch, currentLiveStatus, () => 'polling');
}

/** `intervalMs` while pushed changes are not arriving, false while they are: a query's refetchInterval. */
export function useLivePolling(intervalMs = 5_000): number | false {
  return useLiveStatus() === 'live' ? false : intervalMs;
}

/** The request query keys (lib/query/requests.ts), passed in so that file may use the hooks above. */
export type RequestKeys = { all: QueryKey; list: () => QueryKey; detail: (id: string) => QueryKey };

export type EventSourceLike = {
  readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener: (type: 'request', listener: (event: MessageEvent<string>) => void) => void;
  close: () => void;
};

export type ConnectOptions = {
  url?: string;
  create?: (url: string) => EventSourceLike;
  /** Least time between two refetches of the lists (a burst of changes costs one). */
  listRefreshMs?: number;
};

const closed = 2; // EventSource.CLOSED, which is not defined outside browsers
/** Errors without an open before we stop the browser's fixed-delay retries and back off ourselves. */
const quickRetries = 3;

function backoffMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(failures - quickRetries, 5)) + Math.random() * 1000;
}

function parseView(data: string): RequestView | null {
  try {
    return requestEventSchema.parse(JSON.parse(data));
  } catch {
    return null;
  }
}

type ListPage = { requests: RequestView[] };

function holdsRequests(data: unknown): data is ListPage {
  return typeof data === 'object' && data !== null && 'requests' in data && Array.isArray(data.requests);
}

/** Puts a pushed view in its detail query and in any loaded list page holding it. */
function storeView(queryClient: QueryClient, keys: RequestKeys, view: RequestView): void {
  queryClient.setQueryData(keys.detail(view.id), view);
  queryClient.setQueriesData({ queryKey: keys.list() }, (data: unknown) => {
    if (!holdsRequests(data) || !data.requests.some((row) => row.id === view.id)) return data;
    return { ...data, requests: data.requests.map((row) => (row.id === view.id ? view : row)) };
  });
}

/**
 * Opens the event stream and applies every request event to `queryClient`; reconnects with backoff.
 * Lists are refetched too, throttled, since a change can move a request in or out of a filter.
 * Returns the disconnect.
 */
export function connectRequestEvents(
  queryClient: QueryClient,
  keys: RequestKeys,
  options: ConnectOptions = {},
): () => void {
  const { url = '/api/events', create = (at: string) => new EventSource(at), listRefreshMs = 1000 } = options;
  let source: EventSourceLike | null = null;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  let lastListRefresh = -Infinity;

  const refreshLists = () => {
    if (listTimer) return;
    const wait = Math.max(0, lastListRefresh + listRefreshMs - Date.now());
    listTimer = setTimeout(() => {
      listTimer = undefined;
      lastListRefresh = Date.now();
      void queryClient.invalidateQueries({ queryKey: keys.list() });
    }, wait);
  };

  const connect = () => {
    const current = (source = create(url));
    current.onopen = () => {
      failures = 0;
      setStatus('live');
      // Changes made while no stream was open were not pushed: read what is on screen once.
      void queryClient.invalidateQueries({ queryKey: keys.all });
    };
    current.addEventListener('request', (event: MessageEvent<string>) => {
      const view = parseView(event.data);
      if (!view) return;
      storeView(queryClient, keys, view);
      refreshLists();
    });
    current.onerror = () => {
      failures++;
      if (current.readyState !== closed && failures <= quickRetries) return setStatus('reconnecting');
      current.close();
      setStatus('polling');
      retry = setTimeout(connect, backoffMs(failures));
    };
  };

  connect();
  return () => {
    source?.close();
    clearTimeout(retry);
    clearTimeout(listTimer);
    setStatus('polling');
  };
}

const streaming = new WeakSet<QueryClient>();

/**
 * Opens the tab's one event stream for `queryClient` the first time a view with queries mounts, and keeps it
 * open for the life of the tab: pages without live views mount no providers, and the cache they come back
 * to must still be current.
 */
export function useRequestEvents(queryClient: QueryClient, keys: RequestKeys): void {
  useEffect(() => {
    if (streaming.has(queryClient)) return;
    streaming.add(queryClient);
    connectRequestEvents(queryClient, keys);
  }, [queryClient, keys]);
}
