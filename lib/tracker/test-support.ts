import { randomUUID } from 'node:crypto';
import type { RequestView, SubmitRequest } from '@/lib/api/dto';
import { submitRequest } from '@/lib/requests';
import { readAuditChain } from '@/lib/db/audit';
import { makeCsr } from '@/mocks/tsb/testing';
import { trackerDeps } from '.';
import { createTracker } from './tracker';
import { parseIntervals, defaultIntervals } from './schedule';

// Shared by the tracker's specs: a submitted request, and a tracker on a clock the test moves.

export async function submitted(
  signKeyName: string,
  commonName = 'tracked.example',
  overrides: Partial<SubmitRequest> = {},
): Promise<RequestView> {
  const { request } = await submitRequest(
    {
      csrPem: await makeCsr(commonName),
      signKeyName,
      signatureAlgorithm: 'SHA256_WITH_RSA',
      commonName,
      certificateAuthority: false,
      keyUsage: ['DIGITAL_SIGNATURE'],
      extendedKeyUsage: ['SERVER_AUTH'],
      reason: 'tracker test',
      ...overrides,
    },
    randomUUID(),
  );
  return request;
}

const steps = parseIntervals(defaultIntervals);
export const intervals = 'steps' in steps ? steps.steps : [];

/** A tracker with the default intervals on a clock that only `advance` moves; `step` advances and runs one cycle. */
export function manualTracker(log: (line: string) => void = () => {}) {
  let now = Date.now();
  const tracker = createTracker(trackerDeps, {
    intervals,
    concurrency: 4,
    cycleMs: 1000,
    reconcileEveryMs: 10_000,
    now: () => now,
    log,
  });
  return {
    tracker,
    advance: (ms: number) => {
      now += ms;
    },
    /** Moves the clock past every open request's interval and runs a cycle. */
    step: async () => {
      now += 60_000;
      return tracker.tick();
    },
  };
}

/**
 * The system's audit records about one request, oldest first, as `action outcome from→to`; each intent is
 * checked to share its attempt with the outcome after it.
 */
export async function observedRecords(requestId: string): Promise<string[]> {
  const rows = (await readAuditChain()).rows.filter(
    (row) => row.target === `request:${requestId}` && row.actor_id === 'system:tracker',
  );
  const details = rows.map((row) => JSON.parse(row.details) as { attempt: string; from: string; to: string });
  rows.forEach((row, i) => {
    if (!row.action.endsWith('.intent') || details[i + 1]?.attempt === details[i]!.attempt) return;
    throw new Error(`#${row.seq} ${row.action} has no outcome`);
  });
  return rows.map((row, i) => `${row.action} ${row.outcome} ${details[i]!.from}→${details[i]!.to}`);
}
