import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createSimulator, createTsbHandlers } from './index';
import type { SimulatorOptions } from './simulator';
import type { Simulator } from './state';
import { TSB_TEST_BASE_URL, tsbHeaders } from './testing';

// Vitest wiring for the simulator's own specs: a fresh simulator per test on a clock that stands still
// until the test advances it, served at http://tsb.test by setupServer.

export function serveTsbSimulator(options: SimulatorOptions = {}) {
  const server = setupServer();
  const context = {
    sim: undefined as unknown as Simulator,
    /** Serves another simulator for the rest of the test (one MSW server per process). */
    serve(sim: Simulator) {
      context.sim = sim;
      server.resetHandlers(...createTsbHandlers(sim));
    },
  };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(async () => {
    const start = new Date();
    context.serve(await createSimulator({ now: () => start, ...options }));
  });
  afterAll(() => server.close());
  return context;
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Calls the simulator like the dashboard does (default credential unless `headers` replace it). */
export async function tsb<T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = tsbHeaders,
): Promise<Reply<T>> {
  const response = await fetch(`${TSB_TEST_BASE_URL}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
