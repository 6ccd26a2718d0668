import { delay, HttpResponse } from 'msw';

// The damaged answers of faults.ts: the endpoint's own answer, delivered wrongly (cut, dripped, reset,
// padded, rewrapped), or a refusal in its place. Bodies are streamed lazily, so a 50 MB answer costs
// nothing until read, and stop being produced when the reader gives up.

const encoder = new TextEncoder();

interface Stream {
  /** Bytes per chunk. */
  chunkBytes?: number;
  /** Pause before each chunk after the first. */
  gapMs?: number;
  /** End after this many bytes: cleanly, or with a reset when `reset`. */
  stopAfter?: number;
  reset?: boolean;
}

/** `bytes` as a body stream, chunked, paced and possibly cut as asked. */
export function streamOf(
  bytes: Uint8Array,
  { chunkBytes = 64 * 1024, gapMs = 0, stopAfter = bytes.byteLength, reset = false }: Stream,
): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (sent > 0 && gapMs > 0) await delay(gapMs);
      const end = Math.min(sent + chunkBytes, stopAfter);
      if (sent < end) controller.enqueue(bytes.slice(sent, end));
      sent = end;
      if (sent < stopAfter) return;
      if (reset) controller.error(new Error('connection reset by peer'));
      else controller.close();
    },
  });
}

/** A JSON answer of `sizeBytes`: `text` padded with whitespace, generated as it is read. */
export function paddedStream(text: string, sizeBytes: number): ReadableStream<Uint8Array> {
  const head = encoder.encode(text);
  const pad = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        sent = head.byteLength;
      } else {
        const chunk = pad.subarray(0, Math.min(pad.byteLength, sizeBytes - sent));
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      }
      if (sent >= sizeBytes) controller.close();
    },
  });
}

/** The endpoint's headers without its length (the damaged body has another). */
export function headersOf(answer: Response, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(answer.headers);
  headers.delete('content-length');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return headers;
}

/** What a TSB behind a failing gateway or under load answers instead of acting. */
export function refusal(status: number, retryAfterSeconds?: number): Response {
  const body = {
    errorCode: 100,
    reason: 'res.error.simulated.fault',
    message: `Simulated fault: HTTP ${status}`,
  };
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  return HttpResponse.json(body, { status, headers });
}

/** A proxy's page in the TSB's place: 200, but HTML. */
export const gatewayPage = () =>
  new HttpResponse('<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>', {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });

export { encoder };
