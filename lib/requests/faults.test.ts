import { randomUUID } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSimulator, createTsbHandlers } from '@/mocks/tsb';
import { answerBoundMs, faultKinds, operations, runFault, warmUp, type MatrixContext } from './fault-matrix';

// SECURITY.md row 31 in the unit suite: every fault kind × submit, status and fetch certificate, a couple
// of runs a cell, against the simulator in process with a 300 ms client timeout (the full 1 800 runs:
// `npm run bench -- faults`). Per cell: no crash, nothing lost after reconciliation, one signing call per
// submission, an answer within the scaled 15 s (answerBoundMs), and the canary credential nowhere.

const timeoutMs = 300;
const runsPerCell = 2;
const canary = `canary-${randomUUID()}`;
const server = setupServer();
const ctx: MatrixContext = { sim: undefined as never, canary, logs: [], scale: timeoutMs / 10_000 };
const unhandled: unknown[] = [];
const onUnhandled = (error: unknown) => unhandled.push(error);

beforeAll(async () => {
  Object.assign(process.env, {
    TSB_URL: 'http://tsb.test',
    TSB_API_KEY: canary,
    TSB_TIMEOUT_MS: String(timeoutMs),
  });
  ctx.sim = await createSimulator({ apiKey: canary });
  server.resetHandlers(...createTsbHandlers(ctx.sim));
  server.listen({ onUnhandledRequest: 'error' });
  process.on('unhandledRejection', onUnhandled);
  await warmUp(ctx.sim);
  for (const level of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      ctx.logs.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a),
          )
          .join(' '),
      );
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
  process.off('unhandledRejection', onUnhandled);
  server.close();
});

describe.each(operations)('%s', (operation) => {
  it.each(faultKinds.map((kind) => [kind.name, kind] as const))(
    'under %s: bounded, typed, settled, signed once, no secret',
    async (_name, kind) => {
      for (let i = 0; i < runsPerCell; i++) {
        const run = await runFault(ctx, kind, operation);
        expect(run, run.outcome).toMatchObject({
          crash: false,
          lost: false,
          duplicateSigningCalls: 0,
          secretHits: 0,
        });
        expect(run.outcome).toMatch(/^(ok [A-Z]+|[45]\d\d [a-z_]+)$/);
        expect(run.answerMs).toBeLessThan(answerBoundMs(ctx.scale));
      }
      expect(unhandled).toEqual([]);
    },
  );
});
