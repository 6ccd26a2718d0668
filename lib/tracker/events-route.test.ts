import { afterEach, expect, it } from 'vitest';
import { requestEventSchema, type RequestView } from '@/lib/api/dto';
import { startSimulator } from '@/lib/testing/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { GET } from '@/app/api/events/route';
import { actAs, actors } from '@/lib/authz/test-support';
import { openStreamCount, requestEventStream } from './stream';
import { manualTracker, submitted } from './test-support';

const tsb = startSimulator({ EVENTS_MAX_STREAMS: '3' });
const aborts: AbortController[] = [];

afterEach(() => {
  aborts.splice(0).forEach((abort) => abort.abort());
});

function open(query = ''): Promise<Response> {
  const abort = new AbortController();
  aborts.push(abort);
  actAs(actors.officer);
  return GET(new Request(`http://certdesk.test/api/events${query}`, { signal: abort.signal }), undefined);
}

/** Reads the stream until `done` accepts what arrived; returns every chunk so far as text. */
async function readUntil(response: Response, done: (text: string) => boolean): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += value;
  }
  reader.releaseLock();
  return text;
}

function events(text: string): RequestView[] {
  return [...text.matchAll(/^event: request\ndata: (.*)$/gm)].map((m) =>
    requestEventSchema.parse(JSON.parse(m[1]!)),
  );
}

it('streams a request event when the tracker stores a change', async () => {
  const { step } = manualTracker();
  const request = await submitted('CA.approver.example', 'streamed.example');
  await step();
  const response = await open();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(response.headers.get('cache-control')).toMatch(/no-store/);
  expect(response.headers.get('x-accel-buffering')).toBe('no');
  await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
  await step();
  const text = await readUntil(response, (t) => events(t).some((e) => e.id === request.id));
  expect(text.startsWith('retry: 3000\n\n')).toBe(true);
  const event = events(text).find((e) => e.id === request.id)!;
  expect(event.approval?.tokens[0]?.groups[0]?.approved).toBe(1);
});

it('sends only the requests asked for with ?ids=', async () => {
  const { step } = manualTracker();
  const [wanted, other] = [
    await submitted('CA.approver.example', 'wanted.example'),
    await submitted('CA.approver.example', 'other.example'),
  ];
  await step();
  const response = await open(`?ids=${wanted.id}`);
  await approveAs(tsb.sim, 'alice', other.tsbRequestId!);
  await approveAs(tsb.sim, 'alice', wanted.tsbRequestId!);
  await step();
  const text = await readUntil(response, (t) => events(t).length > 0);
  expect(events(text).map((e) => e.id)).toEqual([wanted.id]);
});

it('refuses a stream beyond the cap with 503 and Retry-After, and frees a slot on abort', async () => {
  const held = await Promise.all([open(), open(), open()]);
  expect(held.map((r) => r.status)).toEqual([200, 200, 200]);
  const refused = await open();
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('30');
  aborts[0]!.abort();
  expect(openStreamCount()).toBe(2);
  expect((await open()).status).toBe(200);
});

it('refuses ids that are not request ids', async () => {
  expect((await open('?ids=nope')).status).toBe(400);
});

it('pings to keep the connection open', async () => {
  const abort = new AbortController();
  aborts.push(abort);
  const response = requestEventStream({ ids: null, signal: abort.signal, maxStreams: 10, pingMs: 20 });
  expect(await readUntil(response, (t) => t.includes(': ping\n\n'))).toContain(': ping');
});
