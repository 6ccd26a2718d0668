// When the tracker looks at a request next. Approvals come in bursts: a request just submitted, or one
// that just got an approval, is likely to change again soon and is read often; one that has been quiet
// for long mostly waits for an approver who is away and is read rarely. "Age" counts from the later of
// creation and the last change the tracker saw.

/** `every` applies to requests younger than `below` (ms); the last step has `below: Infinity`. */
export type IntervalStep = { below: number; every: number };

// Half a second while fresh keeps approval → EXECUTED on screen under a second (the goal).
export const defaultIntervals = '1m=500ms,2m=1s,15m=3s,2h=10s,30s';

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function duration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * units[match[2]!]!;
}

/**
 * Parses TRACKER_INTERVALS: comma-separated `age=interval` steps in increasing age, then one bare interval
 * for anything older, e.g. `2m=1s,15m=3s,2h=10s,30s`. Units: ms, s, m, h. Returns the steps or a problem.
 */
export function parseIntervals(text: string): { steps: IntervalStep[] } | { problem: string } {
  const parts = text.split(',').map((part) => part.trim());
  const steps: IntervalStep[] = [];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    const [ageText, everyText] = last ? [null, part] : part.split('=');
    const below = ageText === null ? Infinity : duration(ageText ?? '');
    const every = duration(everyText ?? '');
    if (below === null || every === null || (!last && !part.includes('='))) {
      return { problem: `"${part}" is not ${last ? 'an interval like 30s' : 'a step like 2m=1s'}` };
    }
    if (every < 100) return { problem: `"${part}": an interval under 100ms would hammer the TSB` };
    if (below <= (steps.at(-1)?.below ?? 0)) return { problem: `"${part}": ages must increase` };
    steps.push({ below, every });
  }
  return { steps };
}

/** The interval for a request of `ageMs`. */
export function intervalFor(ageMs: number, steps: readonly IntervalStep[]): number {
  return (steps.find((step) => ageMs < step.below) ?? steps.at(-1))?.every ?? 30_000;
}

type Timed = { timelockEndsAt: string | null; expiresAt: string | null };

/**
 * When to read `row` next, `activeSince` being when it was created or last seen to change: after its
 * interval, but no later than just past its timelock end or expiry, so that those transitions show
 * without waiting out a long interval.
 */
export function nextCheckAt(
  row: Timed,
  now: number,
  steps: readonly IntervalStep[],
  activeSince: number,
): number {
  const regular = now + intervalFor(now - activeSince, steps);
  const deadlines = [row.timelockEndsAt, row.expiresAt]
    .map((at) => (at === null ? NaN : Date.parse(at) + 500))
    .filter((at) => at > now);
  return Math.min(regular, ...deadlines);
}

/** Wait after `failures` consecutive failures: doubling from the interval, at most 5 minutes. */
export function backoffFor(failures: number, interval: number): number {
  return Math.min(300_000, interval * 2 ** Math.min(failures, 10));
}

type Progress = { status: string; approvedBy: string[]; rejectedBy: string[] };

/** Whether a read moved the request on: its status or its approvals changed. */
export function changed(before: Progress, after: Progress): boolean {
  return (
    after.status !== before.status ||
    after.approvedBy.length !== before.approvedBy.length ||
    after.rejectedBy.length !== before.rejectedBy.length
  );
}
