import 'server-only';
import { z } from 'zod';
import type { Reconciliation } from '@/lib/api/dto';
import { userDeadline } from './deadline';
import { newProgress, runPass, type Progress } from './reconcile-pass';
import { listOpenRequests, toView } from './store';

// Settles submissions whose outcome is UNKNOWN from the TSB's own list of requests. Nothing is ever resent:
// a submission is linked to the TSB request it became, or, when the TSB has none that could be it after a
// grace period, declared not received so that a person submits it again. A synchronous signing leaves no
// request on the TSB, so one whose answer was lost can never be settled: after the grace period it fails
// as `answer_lost`, saying that a certificate may have been signed. Each such change is audited
// under the system actor `system:reconciler` (./observed.ts); one whose intent cannot be written is not
// made, and the pass stops there: the submission stays UNKNOWN for the next pass. The pass itself is in
// ./reconcile-pass.ts; this module runs passes one at a time, for the tracker and for users.

export { answerLostMessage, notReceivedMessage } from './reconcile-pass';

const graceMsDefault = z.coerce
  .number()
  .int()
  .min(0)
  .catch(120_000)
  .parse(process.env.RECONCILE_GRACE_MS ?? 120_000);
const freshForMs = 5_000;

/**
 * The report of a pass from its `progress`: the TSB's open requests CertDesk has no record of (null when
 * the TSB's list was not read), the submissions still UNKNOWN now, and whether the pass was `complete`.
 */
async function reportOf(progress: Progress, complete: boolean): Promise<Reconciliation> {
  const stillUnknown = (await listOpenRequests()).filter((row) => row.status === 'UNKNOWN');
  return {
    untracked:
      progress.untracked
        ?.filter((r) => !progress.linked.has(r.id) && (r.status === 'PENDING' || r.status === 'APPROVED'))
        .map((r) => ({ tsbRequestId: r.id, status: r.status })) ?? null,
    unknown: stillUnknown.map(toView),
    checkedAt: new Date().toISOString(),
    complete,
  };
}

type Run = { result: Promise<Reconciliation>; progress: Progress };

const state = globalThis as typeof globalThis & {
  __certdeskReconcileRuns?: { running: Run | null; last: Reconciliation | null };
};
const runs = (state.__certdeskReconcileRuns ??= { running: null, last: null });

function start(graceMs: number, signal?: AbortSignal): Run {
  const progress = newProgress();
  const result = runPass(graceMs, progress, signal)
    .then((complete) => reportOf(progress, complete))
    .then((report) => {
      // Only a whole pass is worth answering others with; one cut short is redone when next asked.
      if (report.complete) runs.last = report;
      return report;
    })
    .finally(() => (runs.running = null));
  return { result, progress };
}

/** The run's report, or, if `signal` aborts first, what the run has done by then, marked incomplete. */
async function byDeadline(run: Run, signal: AbortSignal): Promise<Reconciliation> {
  if (signal.aborted) return reportOf(run.progress, false);
  let onAbort = () => {};
  const aborted = new Promise<null>((resolve) => {
    onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return (await Promise.race([run.result, aborted])) ?? (await reportOf(run.progress, false));
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * One reconciliation pass: links UNKNOWN submissions to the TSB requests they became where that leaves no
 * doubt, fails those the TSB never received once `graceMs` (RECONCILE_GRACE_MS, default 2 min) has passed,
 * and synchronous ones whose answer was lost (`answer_lost`) after the same time, and reports TSB requests
 * CertDesk has no record of. Passes run one at a time; a call while one runs shares it.
 *
 * With `signal` (a user's deadline) the answer comes by the time it aborts: a pass started for it stops
 * there, between two steps, and one shared with another caller is left to finish; either way the report
 * says what was settled by then, with `complete: false`. Without it (the tracker, tests) the answer is a
 * whole pass. A caller whose shared pass was cut short by someone else's deadline runs one of its own.
 */
export async function reconcile(
  options: { graceMs?: number; signal?: AbortSignal } = {},
): Promise<Reconciliation> {
  const { graceMs = graceMsDefault, signal } = options;
  for (;;) {
    const run = (runs.running ??= start(graceMs, signal));
    const report = signal ? await byDeadline(run, signal) : await run.result;
    if (report.complete || signal?.aborted) return report;
  }
}

/**
 * The latest whole reconciliation, reconciling again within `signal` (default: userDeadline()) when it is
 * older than a few seconds.
 */
export async function getReconciliation(signal: AbortSignal = userDeadline()): Promise<Reconciliation> {
  const last = runs.last;
  if (last && Date.now() - Date.parse(last.checkedAt) < freshForMs) return last;
  return reconcile({ signal });
}
