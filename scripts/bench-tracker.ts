// TSB calls per minute with 1 and with 20 open dashboards watching 100 pending requests (goal: ratio ≤ 1.1),
// then the read budget: TSB calls per minute and the worst staleness for 100 and 1,000 young requests,
// without a budget and with the configured one (TRACKER_READS_PER_SECOND, default 20).
// In process: the simulator behind MSW, the real tracker, registry, route handlers and SSE streams. The
// tracker runs on a simulated clock for one minute; each dashboard holds an event stream and, every
// simulated second, reads the pending list and five request pages, more than a live tab does.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Actor } from '@/lib/auth/types';
import { makeCsr } from '@/mocks/tsb/testing';
import { tsbInProcess } from './stack';

export type TrackerBenchRow = {
  age: string;
  requests: number;
  dashboards: number;
  tsbCalls: number;
  statusReads: number;
  pageReads: number;
};

export type BudgetBenchRow = {
  requests: number;
  /** Reads per second allowed; Infinity for none. */
  budget: number;
  tsbCalls: number;
  statusReads: number;
  /** Longest time one request went unread. */
  worstStalenessMs: number;
  /** Due requests put off by the budget, summed over cycles; and those waiting after the last cycle. */
  deferred: number;
  waiting: number;
  seconds: number;
};

const minuteMs = 60_000;
/** The tracker's notes (the budget binds) are what the tables count. */
const quiet = () => undefined;
const cycleMs = 250;
const watcher: Actor = {
  userId: 'bench-officer',
  email: 'officer@bench.test',
  name: 'Bench officer',
  role: 'officer',
  via: 'session',
  authenticatedAt: new Date().toISOString(),
};

function drain(response: Response): void {
  const reader = response.body?.getReader();
  const pump = (): Promise<void> =>
    reader?.read().then(({ done }) => (done ? undefined : pump())) ?? Promise.resolve();
  void pump().catch(() => undefined);
}

/** The simulator behind MSW and the modules under test, once per process; `submit` adds pending requests. */
async function setUp() {
  const { sim, server } = await tsbInProcess();
  const { submitRequest } = await import('@/lib/requests');
  const csrPem = await makeCsr('watched.example');
  const ids: string[] = [];
  const created: number[] = [];
  const submit = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const { request } = await submitRequest(
        {
          csrPem,
          signKeyName: 'CA.approver.example',
          signatureAlgorithm: 'SHA256_WITH_RSA',
          commonName: 'watched.example',
          certificateAuthority: false,
          keyUsage: [],
          extendedKeyUsage: [],
          reason: 'bench',
        },
        randomUUID(),
      );
      if (request.status !== 'PENDING') throw new Error(`expected PENDING, got ${request.status}`);
      ids.push(request.id);
      created.push(Date.parse(request.createdAt));
    }
  };
  const calls = () => ({
    all: Object.values(sim.stats()).reduce((sum, n) => sum + n, 0),
    status: sim.stats()['GET /v1/request/{id}'] ?? 0,
  });
  return { sim, server, ids, created, submit, calls };
}

type Bench = Awaited<ReturnType<typeof setUp>>;
let bench: Promise<Bench> | undefined;

/** Runs every dashboard scenario on `requests` pending requests and returns one row per (age, dashboards). */
export async function benchTracker(requests = 100, dashboardCounts = [1, 20]): Promise<TrackerBenchRow[]> {
  const { ids, created, submit, calls } = await (bench ??= setUp());
  const { configuredTracker } = await import('@/lib/tracker');
  const { requestEventStream } = await import('@/lib/tracker/stream');
  const detailRoute = await import('@/app/api/requests/[id]/route');
  const listRoute = await import('@/app/api/requests/route');
  // The dashboards are a security officer's, signed in: the routes see that person without a session.
  const { setActorSource } = await import('@/lib/authz/actor-source');
  setActorSource(() => Promise.resolve(watcher));
  await submit(requests - ids.length);
  const newest = Math.max(...created);

  const dashboardReads = async (dashboards: number, second: number) => {
    const list = new Request('http://certdesk.test/api/requests?status=PENDING,APPROVED&pageSize=100');
    for (let d = 0; d < dashboards; d++) {
      await listRoute.GET(list.clone(), undefined);
      for (let k = 0; k < 5; k++) {
        const id = ids[(d * 5 + k + second * 7) % ids.length]!;
        const response = await detailRoute.GET(new Request(`http://certdesk.test/api/requests/${id}`), {
          params: Promise.resolve({ id }),
        });
        if (!response.ok) throw new Error(`GET /api/requests/${id} answered ${response.status}`);
      }
    }
    return dashboards * 6;
  };

  const rows: TrackerBenchRow[] = [];
  for (const [age, offset] of [
    ['< 1 min', 0],
    ['~30 min', 30 * minuteMs],
  ] as const) {
    for (const dashboards of dashboardCounts) {
      let now = newest + offset;
      const tracker = configuredTracker({ now: () => now, cycleMs, log: quiet });
      const aborts = Array.from({ length: dashboards }, () => new AbortController());
      aborts.forEach((abort) =>
        drain(requestEventStream({ ids: null, signal: abort.signal, maxStreams: 1000 })),
      );
      const before = calls();
      let pageReads = 0;
      for (let t = 0; t < minuteMs; t += cycleMs) {
        await tracker.tick();
        if (t % 1000 === 0) pageReads += await dashboardReads(dashboards, t / 1000);
        now += cycleMs;
      }
      aborts.forEach((abort) => abort.abort());
      const after = calls();
      rows.push({
        age,
        requests,
        dashboards,
        tsbCalls: after.all - before.all,
        statusReads: after.status - before.status,
        pageReads,
      });
    }
  }
  return rows;
}

/**
 * Young requests (the oldest created when the simulated minute starts, so all under a minute old) on the
 * tracker as configured, for each count in `counts`, with no read budget (for 1,000: on request) and then
 * with the configured one.
 */
export async function benchBudget(counts = [100, 1000]): Promise<BudgetBenchRow[]> {
  const { ids, created, submit, calls } = await (bench ??= setUp());
  const { configuredTracker, cycleMsFor } = await import('@/lib/tracker');
  const { getConfig } = await import('@/lib/config');
  const { intervals, readsPerSecond } = getConfig().tracker;
  const cycle = cycleMsFor(intervals);
  const rows: BudgetBenchRow[] = [];
  for (const requests of counts) {
    if (ids.length > requests) throw new Error(`${ids.length} requests are open already`);
    await submit(requests - ids.length);
    // Without a budget, 1,000 young requests make 120,000 reads in the simulated minute (~5 min of bench
    // time): that row is printed only when asked for with BENCH_TRACKER_UNBUDGETED=1.
    const unbudgeted = requests <= 100 || process.env.BENCH_TRACKER_UNBUDGETED === '1';
    for (const budget of unbudgeted ? [Infinity, readsPerSecond] : [readsPerSecond]) {
      let now = Math.min(...created);
      const tracker = configuredTracker({ now: () => now, readsPerSecond: budget, log: quiet });
      const before = calls();
      const started = performance.now();
      for (let t = 0; t < minuteMs; t += cycle) {
        await tracker.tick();
        now += cycle;
      }
      const after = calls();
      const stats = tracker.stats();
      rows.push({
        requests,
        budget,
        tsbCalls: after.all - before.all,
        statusReads: after.status - before.status,
        worstStalenessMs: stats.longestGapMs,
        deferred: stats.deferred,
        waiting: stats.waiting,
        seconds: (performance.now() - started) / 1000,
      });
    }
  }
  return rows;
}

export function printTrackerTable(rows: TrackerBenchRow[]): void {
  console.log(
    `\nTSB calls per minute, ${rows[0]?.requests ?? 0} pending requests, tracker on a simulated minute\n`,
  );
  console.log(
    `${'request age'.padEnd(12)} ${'dashboards'.padStart(10)} ${'TSB calls/min'.padStart(14)} ${'status reads'.padStart(13)} ${'API reads'.padStart(10)}  ratio to 1 dashboard (goal ≤ 1.1)`,
  );
  for (const row of rows) {
    const base = rows.find((r) => r.age === row.age && r.dashboards === 1)?.tsbCalls ?? NaN;
    const ratio = (row.tsbCalls / base).toFixed(2);
    console.log(
      `${row.age.padEnd(12)} ${String(row.dashboards).padStart(10)} ${String(row.tsbCalls).padStart(14)} ${String(row.statusReads).padStart(13)} ${String(row.pageReads).padStart(10)}  ${ratio}`,
    );
  }
}

export function printBudgetTable(rows: BudgetBenchRow[]): void {
  console.log('\nRead budget: young requests (< 1 min old), tracker as configured on a simulated minute\n');
  console.log(
    `${'requests'.padStart(8)} ${'budget'.padStart(8)} ${'TSB calls/min'.padStart(14)} ${'status reads/min'.padStart(17)} ${'worst staleness'.padStart(16)} ${'deferred'.padStart(9)} ${'waiting'.padStart(8)} ${'run'.padStart(7)}`,
  );
  for (const row of rows) {
    const budget = Number.isFinite(row.budget) ? `${row.budget}/s` : 'none';
    console.log(
      `${String(row.requests).padStart(8)} ${budget.padStart(8)} ${String(row.tsbCalls).padStart(14)} ${String(row.statusReads).padStart(17)} ${`${(row.worstStalenessMs / 1000).toFixed(1)} s`.padStart(16)} ${String(row.deferred).padStart(9)} ${String(row.waiting).padStart(8)} ${`${row.seconds.toFixed(0)} s`.padStart(7)}`,
    );
  }
  console.log(
    '\ndeferred: due requests put off to a later cycle, summed over cycles; waiting: after the last cycle',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTrackerTable(await benchTracker());
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  printBudgetTable(await benchBudget(counts.length > 0 ? counts : undefined));
  (await bench)?.server.close();
}
