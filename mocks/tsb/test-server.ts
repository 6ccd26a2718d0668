import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createSimulator, createTsbHandlers } from './index';
import type { SimulatorOptions } from './simulator';
import type { Simulator } from './state';
import { makeCsrWithKeys, signCertificateBody, TSB_TEST_BASE_URL, tsbHeaders } from './testing';

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

export interface RequestStatusBody {
  id: string;
  status: string;
  executionTime: string | null;
  approvedBy: string[];
  notYetApprovedBy: string[];
  rejectedBy: string[];
  result: string | null;
}

/** POST /v1/certificate/sign for a fresh CSR (CN=leaf.example); returns the request id and the CSR's keys. */
export async function submitSign(keyLabel: string, fields: Record<string, unknown> = {}) {
  const { pem, keys } = await makeCsrWithKeys('leaf.example');
  const reply = await tsb<{ signRequestId: string }>(
    'POST',
    '/v1/certificate/sign',
    signCertificateBody(keyLabel, pem, fields),
  );
  expect(reply.status).toBe(201);
  return { id: reply.body.signRequestId, keys };
}

export const requestStatus = async (id: string) =>
  (await tsb<RequestStatusBody>('GET', `/v1/request/${id}`)).body;

/** POST /v1/certificate/synchronous/sign with the defaults of signCertificateBody. */
export const syncSign = (
  signKeyName: string,
  certificateSigningRequest: string,
  fields: Record<string, unknown> = {},
) =>
  tsb<{ label: string; certificate: string }>('POST', '/v1/certificate/synchronous/sign', {
    ...signCertificateBody(signKeyName, certificateSigningRequest).signCertificateRequest,
    ...fields,
  });

/** The bare base64 DER inside a PEM block. */
export const bareBase64 = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
