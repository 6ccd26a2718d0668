import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { z } from 'zod';
import type { Simulator } from './state';

// Switchable faults for reliability tests, named after Toxiproxy's toxics: `latency` answers late (the
// operation still runs, after the wait, so a client that gave up leaves a real request behind), `timeout`
// never answers and does nothing, `status` answers an HTTP error without acting. Set with
// POST /_sim/faults, cleared with DELETE /_sim/faults; in process with setFault / clearFaults.

export const faultSchema = z.object({
  method: z.string().transform((m) => m.toUpperCase()),
  /** The endpoint as registered ('/v1/request/:id') or a concrete path ('/v1/certificate/sign'). */
  path: z.string().startsWith('/'),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  hang: z.boolean().optional(),
  status: z.number().int().min(400).max(599).optional(),
  /** How many matching calls it affects; every one until cleared when absent. */
  count: z.number().int().min(1).optional(),
});
export type FaultInput = z.input<typeof faultSchema>;
type Fault = z.output<typeof faultSchema> & { toxic: 'latency' | 'timeout' | 'status' };

const faultsBySim = new WeakMap<Simulator, Fault[]>();

function toxicOf(fault: z.output<typeof faultSchema>): Fault['toxic'] {
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

/** The first fault for this call, counted down (and dropped once used up). */
function takeFault(sim: Simulator, method: string, pattern: string, pathname: string): Fault | undefined {
  const list = faultsBySim.get(sim);
  const index = list?.findIndex((f) => f.method === method && (f.path === pattern || f.path === pathname)) ?? -1;
  if (!list || index < 0) return undefined;
  const fault = list[index]!;
  if (fault.count !== undefined && --fault.count <= 0) list.splice(index, 1);
  return fault;
}

/**
 * Applies the fault set for this call, if any: waits, hangs, or answers for the endpoint. Resolves to the
 * answer to send instead of the endpoint's, or undefined to go on with the endpoint.
 */
export async function applyFault(sim: Simulator, request: Request, pattern: string): Promise<Response | undefined> {
  const fault = takeFault(sim, request.method.toUpperCase(), pattern, new URL(request.url).pathname);
  if (!fault) return undefined;
  if (fault.toxic === 'timeout') await delay('infinite');
  if (fault.delayMs) await delay(fault.delayMs);
  if (fault.toxic !== 'status') return undefined;
  const body = { errorCode: 100, reason: 'res.error.simulated.fault', message: `Simulated fault: HTTP ${fault.status}` };
  return HttpResponse.json(body, { status: fault.status });
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
