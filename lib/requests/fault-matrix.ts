import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { terminalStatuses } from '@/lib/api/dto';
import { errorResponse, toApiError } from '@/lib/api/errors';
import { clearFaults, faultsSettled, setFault, type FaultInput, type Simulator } from '@/mocks/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { reconcile, refreshRequestNow, submitRequest } from '.';
import { findByIdempotencyKey, findRequest, type StoredRequest } from './store';
import { submission } from './test-support';

// SECURITY.md row 31, the "Upstream faults" goal: every fault kind against each upstream operation, then
// reconciliation, counting crashes, lost requests, duplicate signing calls, answer times and secret hits.
// Shared by lib/requests/faults.test.ts (a few runs a cell) and scripts/bench-faults.ts (50 a cell).
// Times are scaled: `scale` = TSB_TIMEOUT_MS / 10 000 ms (the default), so "+30 s" stays beyond the
// timeout and "+5 s" within it, whatever the timeout the run uses.

type Fault = Omit<FaultInput, 'method' | 'path'>;
export type FaultKind = { name: string; fault: (scale: number) => Fault };

export const faultKinds: FaultKind[] = [
  { name: 'latency +5 s', fault: (s) => ({ toxic: 'latency', delayMs: Math.round(5_000 * s) }) },
  { name: 'latency +30 s', fault: (s) => ({ toxic: 'latency', delayMs: Math.round(30_000 * s) }) },
  { name: 'timeout (no bytes)', fault: () => ({ toxic: 'timeout' }) },
  { name: 'reset_peer mid-body', fault: () => ({ toxic: 'reset_peer' }) },
  { name: 'limit_data (truncated)', fault: () => ({ toxic: 'limit_data' }) },
  { name: 'slicer', fault: () => ({ toxic: 'slicer' }) },
  { name: 'bandwidth 1 B/s', fault: (s) => ({ toxic: 'bandwidth', bytesPerSecond: 1 / s }) },
  { name: 'huge_body 50 MiB', fault: () => ({ toxic: 'huge_body' }) },
  { name: 'malformed JSON', fault: () => ({ toxic: 'malformed_json' }) },
  { name: 'wrong content-type', fault: () => ({ toxic: 'content_type' }) },
  { name: 'wrong schema', fault: () => ({ toxic: 'wrong_schema' }) },
  { name: '429 + Retry-After', fault: () => ({ toxic: 'rate_limit', retryAfterSeconds: 1 }) },
  ...[500, 502, 503, 504].map((status) => ({
    name: `HTTP ${status}`,
    fault: () => ({ toxic: 'status' as const, status }),
  })),
];

/**
 * The longest a user-facing call may take in a run at `scale`: the goal's 15 s scaled like the TSB's
 * delays, plus CertDesk's own work (CSR checks, database, certificate checks), which does not scale.
 */
export const answerBoundMs = (scale: number) => 15_000 * scale + 1_000;

/** One plain submission followed to EXECUTED, so that the first measured run is not a cold start. */
export async function warmUp(sim: Simulator): Promise<void> {
  const key = randomUUID();
  const { request } = await submitRequest(await submission({ commonName: 'warm-up.example' }), key);
  await approve(sim, await findRequest(request.id));
  await refreshRequestNow(request.id);
}

export const operations = ['submit', 'status', 'fetch certificate'] as const;
export type Operation = (typeof operations)[number];

const endpointOf = (operation: Operation) =>
  operation === 'submit'
    ? { method: 'POST', path: '/v1/certificate/sign' }
    : { method: 'GET', path: '/v1/request/:id' };

export interface RunResult {
  /** The user-facing call ended in neither a view nor one of our typed errors (or an unhandled error). */
  crash: boolean;
  /** Not in a terminal state after reconciliation. */
  lost: boolean;
  duplicateSigningCalls: number;
  answerMs: number;
  /** What the user saw: `ok <status>` or `<http status> <code>`. */
  outcome: string;
  /** Canary hits in the answer, the stored request and the log lines of the run. */
  secretHits: number;
}

export interface MatrixContext {
  sim: Simulator;
  /** The credential CertDesk sends; it must appear nowhere. */
  canary: string;
  /** Every log line the process writes, appended by the caller's console capture. */
  logs: string[];
  scale: number;
}

const signCalls = (sim: Simulator) => sim.stats()['POST /v1/certificate/sign'] ?? 0;

async function approve(sim: Simulator, row: StoredRequest | undefined): Promise<void> {
  if (!row?.tsbRequestId) return;
  await approveAs(sim, 'alice', row.tsbRequestId);
  await approveAs(sim, 'bruno', row.tsbRequestId);
}

/** The user-facing call under the fault: a submission, or a refresh of the request from the TSB. */
async function userCall(
  operation: Operation,
  key: string,
  existing: StoredRequest | undefined,
  commonName: string,
) {
  if (operation === 'submit') return (await submitRequest(await submission({ commonName }), key)).request;
  return refreshRequestNow(existing!.id);
}

/** After the fault is gone: reconciliation, then the approvals a request still waits for, then a read. */
async function settle(
  ctx: MatrixContext,
  key: string,
  approved: boolean,
): Promise<StoredRequest | undefined> {
  let row = await findByIdempotencyKey(key);
  if (row?.status === 'UNKNOWN') {
    await reconcile({ graceMs: 0 });
    row = await findRequest(row.id);
  }
  if (row && (row.status === 'PENDING' || row.status === 'APPROVED')) {
    if (!approved) await approve(ctx.sim, row);
    await refreshRequestNow(row.id);
    row = await findRequest(row.id);
  }
  return row;
}

/** One run of `kind` against `operation`. */
export async function runFault(
  ctx: MatrixContext,
  kind: FaultKind,
  operation: Operation,
): Promise<RunResult> {
  const { sim } = ctx;
  const logStart = ctx.logs.length;
  const signsBefore = signCalls(sim);
  const requestsBefore = sim.requests.size;
  const key = randomUUID();
  const commonName = `fault-${key.slice(0, 8)}.example`;
  const existing =
    operation === 'submit'
      ? undefined
      : await findRequest((await submitRequest(await submission({ commonName }), key)).request.id);
  if (operation === 'fetch certificate') await approve(sim, existing);

  setFault(sim, { ...endpointOf(operation), ...kind.fault(ctx.scale) });
  const started = performance.now();
  let answer: string;
  let outcome: string;
  let crash = false;
  try {
    const view = await userCall(operation, key, existing, commonName);
    answer = JSON.stringify(view);
    outcome = `ok ${view.status}`;
  } catch (error) {
    const apiError = toApiError(error);
    answer = await errorResponse(apiError).text();
    outcome = `${apiError.status} ${apiError.code}`;
    crash = apiError.code === 'internal_error';
  }
  const answerMs = performance.now() - started;
  clearFaults(sim);
  await faultsSettled(sim);

  const row = await settle(ctx, key, operation === 'fetch certificate');
  const signs = signCalls(sim) - signsBefore;
  const created = sim.requests.size - requestsBefore;
  const seen = [answer, JSON.stringify(row ?? null), ...ctx.logs.slice(logStart)];
  return {
    crash,
    lost: !row || !terminalStatuses.includes(row.status),
    duplicateSigningCalls: Math.max(0, signs - 1, created - 1),
    answerMs,
    outcome,
    secretHits: seen.filter((text) => text.includes(ctx.canary)).length,
  };
}
