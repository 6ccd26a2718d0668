import 'server-only';
import { ApiError, errorResponse } from '@/lib/api/errors';
import type { RequestView } from '@/lib/api/dto';
import { subscribeRequests } from './bus';

// GET /api/events as a Server-Sent Event stream of request changes. Streams are counted so that a crowd
// of tabs cannot exhaust the server; beyond the cap they get a 503 and poll until they retry.

export type StreamOptions = {
  /** Only these request ids; null for every request. */
  ids: ReadonlySet<string> | null;
  /** Only requests raised by this requester (an operator's own); null or absent for every request. */
  requester?: string | null;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  maxStreams: number;
  pingMs?: number;
};

/** Events a slow client may fall behind by before it is dropped (it reconnects and re-reads). */
const maxBacklog = 500;
const retryMs = 3000;

const holder = globalThis as typeof globalThis & { __certdeskEventStreams?: { open: number } };
const streams = (holder.__certdeskEventStreams ??= { open: 0 });

export function openStreamCount(): number {
  return streams.open;
}

function busy(): Response {
  const response = errorResponse(
    new ApiError(503, 'too_many_streams', 'Too many live connections; poll and retry later.'),
  );
  response.headers.set('retry-after', '30');
  return response;
}

/** A text/event-stream Response: `retry:` first, `event: request` per change, `: ping` to keep proxies open. */
export function requestEventStream({
  ids,
  requester = null,
  signal,
  maxStreams,
  pingMs = 15_000,
}: StreamOptions): Response {
  if (streams.open >= maxStreams) return busy();
  streams.open++;
  const encoder = new TextEncoder();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -maxBacklog) return close();
        controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = subscribeRequests((view: RequestView) => {
        if (ids && !ids.has(view.id)) return;
        if (requester !== null && view.requester !== requester) return;
        send(`event: request\ndata: ${JSON.stringify(view)}\n\n`);
      });
      const ping = setInterval(() => send(': ping\n\n'), pingMs);
      ping.unref?.();
      close = () => {
        if (closed) return;
        closed = true;
        streams.open--;
        clearInterval(ping);
        unsubscribe();
        signal.removeEventListener('abort', close);
        try {
          controller.close();
        } catch {
          // already closed by the reader's cancel
        }
      };
      signal.addEventListener('abort', close);
      send(`retry: ${retryMs}\n\n`);
      if (signal.aborted) close();
    },
    cancel() {
      close();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
