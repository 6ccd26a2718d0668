import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { z } from 'zod';
import { encoder, gatewayPage, headersOf, paddedStream, refusal, streamOf } from './fault-replies';
import type { Simulator } from './state';

// Switchable faults for reliability tests (SECURITY.md row 31), named after Toxiproxy's toxics where one
// exists. Set with POST /_sim/faults, cleared with DELETE /_sim/faults; in process with setFault /
// clearFaults. `delayMs` delays any of them.
//
// Refusals answer in the endpoint's place and leave nothing done:
//   timeout        never answers               status       an HTTP error (default 500)
//   rate_limit     429 with Retry-After        content_type 200 with a proxy's HTML page
// Damaging toxics let the endpoint act, then spoil its answer, so a client that cannot read it leaves a
// real request behind on the TSB:
//   latency        answers after delayMs       reset_peer   half the body, then a connection reset
//   limit_data     closes after keepBytes      slicer       the body in 7-byte pieces
//   bandwidth      drips at bytesPerSecond     huge_body    the answer padded to sizeBytes (50 MiB)
//   malformed_json a body that is not JSON     wrong_schema valid JSON of another shape
// Over HTTP (server.ts) a reset arrives as a body that stops without ending, since the middleware does
// not pass stream errors to the socket.

export const toxics = [
  'latency',
  'timeout',
  'status',
  'rate_limit',
  'content_type',
  'reset_peer',
  'limit_data',
  'slicer',
  'bandwidth',
  'huge_body',
  'malformed_json',
  'wrong_schema',
] as const;
export type Toxic = (typeof toxics)[number];

export const faultSchema = z.object({
  method: z.string().transform((m) => m.toUpperCase()),
  /** The endpoint as registered ('/v1/request/:id') or a concrete path ('/v1/certificate/sign'). */
  path: z.string().startsWith('/'),
  /** Absent: `timeout` with hang, `status` with status, else `latency`. */
  toxic: z.enum(toxics).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  hang: z.boolean().optional(),
  status: z.number().int().min(400).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).max(3_600).optional(),
  keepBytes: z.number().int().min(0).optional(),
  bytesPerSecond: z.number().min(0.001).max(1e9).optional(),
  sizeBytes: z
    .number()
    .int()
    .min(1)
    .max(1024 ** 3)
    .optional(),
  /** How many matching calls it affects; every one until cleared when absent. */
  count: z.number().int().min(1).optional(),
});
export type FaultInput = z.input<typeof faultSchema>;
type Fault = z.output<typeof faultSchema> & { toxic: Toxic };

const faultsBySim = new WeakMap<Simulator, Fault[]>();
const actingBySim = new WeakMap<Simulator, Set<Promise<unknown>>>();

function toxicOf(fault: z.output<typeof faultSchema>): Toxic {
  if (fault.toxic) return fault.toxic;
  if (fault.hang) return 'timeout';
  return fault.status !== undefined ? 'status' : 'latency';
}

export function setFault(sim: Simulator, input: FaultInput): void {
  const fault = faultSchema.parse(input);
  const list = faultsBySim.get(sim) ?? [];
  list.push({ ...fault, toxic: toxicOf(fault) });
  faultsBySim.set(sim, list);
}

export function clearFaults(sim: Simulator): void {
  faultsBySim.delete(sim);
}

/** Resolves once every endpoint a damaging fault let act has acted (whatever became of its answer). */
export async function faultsSettled(sim: Simulator): Promise<void> {
  await Promise.allSettled([...(actingBySim.get(sim) ?? [])]);
}

/** The first fault for this call, counted down (and dropped once used up). */
function takeFault(sim: Simulator, method: string, pattern: string, pathname: string): Fault | undefined {
  const list = faultsBySim.get(sim);
  const index =
    list?.findIndex((f) => f.method === method && (f.path === pattern || f.path === pathname)) ?? -1;
  if (!list || index < 0) return undefined;
  const fault = list[index]!;
  if (fault.count !== undefined && --fault.count <= 0) list.splice(index, 1);
  return fault;
}

function refusalFor(fault: Fault): Response | undefined {
  if (fault.toxic === 'status') return refusal(fault.status ?? 500, fault.retryAfterSeconds);
  if (fault.toxic === 'rate_limit') return refusal(429, fault.retryAfterSeconds ?? 1);
  if (fault.toxic === 'content_type') return gatewayPage();
  return undefined;
}

/** The endpoint's `answer`, spoilt as `fault` says. */
async function damage(fault: Fault, answer: Response): Promise<Response> {
  if (fault.toxic === 'latency') return answer;
  const text = await answer.text();
  const init = (extra?: Record<string, string>) => ({
    status: answer.status,
    headers: headersOf(answer, extra),
  });
  const bytes = encoder.encode(text);
  const half = Math.floor(bytes.byteLength / 2);
  switch (fault.toxic) {
    case 'reset_peer':
      return new Response(streamOf(bytes, { stopAfter: half, reset: true }), init());
    case 'limit_data':
      return new Response(
        streamOf(bytes, { stopAfter: Math.min(fault.keepBytes ?? half, bytes.byteLength) }),
        init(),
      );
    case 'slicer':
      return new Response(streamOf(bytes, { chunkBytes: 7 }), init());
    case 'bandwidth': {
      // Chunks every 50 ms at most, one byte at a time below 20 B/s.
      const bps = fault.bytesPerSecond ?? 1;
      const chunkBytes = Math.max(1, Math.floor(bps / 20));
      return new Response(streamOf(bytes, { chunkBytes, gapMs: (chunkBytes / bps) * 1000 }), init());
    }
    case 'huge_body': {
      const size = Math.max(fault.sizeBytes ?? 50 * 1024 * 1024, bytes.byteLength);
      // Chunked, without Content-Length: MSW in process never delivers a streamed answer that declares one.
      return new Response(paddedStream(text, size), init({ 'content-type': 'application/json' }));
    }
    case 'malformed_json':
      // A JSON-hijacking guard some gateways prepend, in front of the real answer.
      return new Response(`)]}',\n${text || '{}'}`, init({ 'content-type': 'application/json' }));
    case 'wrong_schema':
      // An envelope round the real answer: valid JSON, not the TSB's shape.
      return HttpResponse.json(
        { data: text ? (JSON.parse(text) as unknown) : null, status: 'ok' },
        { status: answer.status },
      );
    default:
      return answer;
  }
}

/**
 * Answers this call as the fault set for it says, if any: `run` is the endpoint (it never throws), which
 * refusals skip and damaging toxics run before spoiling its answer.
 */
export async function withFault(
  sim: Simulator,
  request: Request,
  pattern: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const fault = takeFault(sim, request.method.toUpperCase(), pattern, new URL(request.url).pathname);
  if (!fault) return run();
  if (fault.toxic === 'timeout') await delay('infinite');
  const acting = (async () => {
    if (fault.delayMs) await delay(fault.delayMs);
    return refusalFor(fault) ?? damage(fault, await run());
  })();
  const inFlight = actingBySim.get(sim) ?? new Set();
  actingBySim.set(sim, inFlight.add(acting));
  return acting.finally(() => inFlight.delete(acting));
}

/** POST /_sim/faults sets one fault, DELETE /_sim/faults clears them all (loopback tests only, no credential). */
export function faultHandlers(sim: Simulator): HttpHandler[] {
  return [
    http.post('*/_sim/faults', async ({ request }) => {
      const parsed = faultSchema.safeParse(await request.json().catch(() => null));
      if (!parsed.success) return HttpResponse.json({ message: parsed.error.message }, { status: 400 });
      setFault(sim, parsed.data);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete('*/_sim/faults', () => {
      clearFaults(sim);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
