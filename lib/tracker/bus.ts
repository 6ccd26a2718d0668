import 'server-only';
import { terminalStatuses, type RequestView } from '@/lib/api/dto';
import { onRequestChange } from '@/lib/requests/store';

// Fans the registry's change events out to live streams through one store subscription. The tracker
// stamps lastCheckedAt on every read; a change of that stamp alone is passed on at most every
// `stampEveryMs`, so browsers are not flooded with one event per request per second.

export type RequestListener = (view: RequestView) => void;

const stampEveryMs = 15_000;

type Bus = {
  listeners: Set<RequestListener>;
  unsubscribe: (() => void) | null;
  /** Per open request: what was last passed on, without the stamps. */
  sent: Map<string, { content: string; checkedAt: number }>;
};

// On globalThis so that a dev-mode module reload does not leave a second store subscription behind.
const holder = globalThis as typeof globalThis & { __certdeskRequestBus?: Bus };
const bus: Bus = (holder.__certdeskRequestBus ??= {
  listeners: new Set(),
  unsubscribe: null,
  sent: new Map(),
});

function worthSending(view: RequestView): boolean {
  const { lastCheckedAt, updatedAt: _u, ...rest } = view;
  const content = JSON.stringify(rest);
  const checkedAt = lastCheckedAt ? Date.parse(lastCheckedAt) : 0;
  const previous = bus.sent.get(view.id);
  if (previous?.content === content && checkedAt - previous.checkedAt < stampEveryMs) return false;
  bus.sent.set(view.id, { content, checkedAt });
  return true;
}

function publish(view: RequestView): void {
  if (!worthSending(view)) return;
  for (const listener of bus.listeners) {
    try {
      listener(view);
    } catch (error) {
      console.warn(
        `request events: a listener failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  // Closed requests change rarely; forgetting them keeps the map as small as the open set.
  if (terminalStatuses.includes(view.status)) bus.sent.delete(view.id);
}

/** Calls `listener` with every meaningful change to a request; returns the unsubscribe. */
export function subscribeRequests(listener: RequestListener): () => void {
  bus.listeners.add(listener);
  bus.unsubscribe ??= onRequestChange(publish);
  return () => {
    bus.listeners.delete(listener);
    if (bus.listeners.size > 0) return;
    bus.unsubscribe?.();
    bus.unsubscribe = null;
    bus.sent.clear();
  };
}

/** How many listeners are attached (live streams and anything else). */
export function listenerCount(): number {
  return bus.listeners.size;
}
