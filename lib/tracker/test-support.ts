import { randomUUID } from 'node:crypto';
import type { RequestView, SubmitRequest } from '@/lib/api/dto';
import { submitRequest } from '@/lib/requests';
import { systemRecords } from '@/lib/requests/test-support';
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

/** The tracker's audit records about one request, oldest first, as `action outcome from→to`. */
export function observedRecords(requestId: string): Promise<string[]> {
  return systemRecords(requestId, 'system:tracker');
}
