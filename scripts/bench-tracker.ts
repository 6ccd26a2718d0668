// TSB calls per minute with 1 and with 20 open dashboards watching 100 pending requests (goal: ratio ≤ 1.1).
// In process: the simulator behind MSW, the real tracker, registry, route handlers and SSE streams. The
// tracker runs on a simulated clock for one minute; each dashboard holds an event stream and, every
// simulated second, reads the pending list and five request pages, more than a live tab does.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import { createSimulator, createTsbHandlers, DEMO_API_KEY } from '@/mocks/tsb';
import { makeCsr } from '@/mocks/tsb/testing';

export type TrackerBenchRow = {
  age: string;
  requests: number;
  dashboards: number;
  tsbCalls: number;
  statusReads: number;
  pageReads: number;
};

const minuteMs = 60_000;
const cycleMs = 250;

function drain(response: Response): void {
  const reader = response.body?.getReader();
  const pump = (): Promise<void> =>
    reader?.read().then(({ done }) => (done ? undefined : pump())) ?? Promise.resolve();
  void pump().catch(() => undefined);
}

/** Runs every scenario on its own simulator and returns one row per (age, dashboards). */
export async function benchTracker(requests = 100, dashboardCounts = [1, 20]): Promise<TrackerBenchRow[]> {
  Object.assign(process.env, {
    TSB_URL: 'http://tsb.test',
    TSB_API_KEY: DEMO_API_KEY,
    TSB_TIMEOUT_MS: '10000',
  });
  process.env.DATABASE_URL ??= ':memory:';
  const { submitRequest } = await import('@/lib/requests');
  const { configuredTracker } = await import('@/lib/tracker');
  const { requestEventStream } = await import('@/lib/tracker/stream');
  const detailRoute = await import('@/app/api/requests/[id]/route');
  const listRoute = await import('@/app/api/requests/route');

  const sim = await createSimulator();
  const server = setupServer(...createTsbHandlers(sim));
  server.listen({ onUnhandledRequest: 'error' });
  const csrPem = await makeCsr('watched.example');
  const ids: string[] = [];
  let newest = 0;
  for (let i = 0; i < requests; i++) {
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
    newest = Math.max(newest, Date.parse(request.createdAt));
  }

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
      const tracker = configuredTracker({ now: () => now, cycleMs });
      const aborts = Array.from({ length: dashboards }, () => new AbortController());
      aborts.forEach((abort) =>
        drain(requestEventStream({ ids: null, signal: abort.signal, maxStreams: 1000 })),
      );
      const total = () => Object.values(sim.stats()).reduce((sum, n) => sum + n, 0);
      const before = { all: total(), status: sim.stats()['GET /v1/request/{id}'] ?? 0 };
      let pageReads = 0;
      for (let t = 0; t < minuteMs; t += cycleMs) {
        await tracker.tick();
        if (t % 1000 === 0) pageReads += await dashboardReads(dashboards, t / 1000);
        now += cycleMs;
      }
      aborts.forEach((abort) => abort.abort());
      const statusReads = (sim.stats()['GET /v1/request/{id}'] ?? 0) - before.status;
      rows.push({ age, requests, dashboards, tsbCalls: total() - before.all, statusReads, pageReads });
    }
  }
  server.close();
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTrackerTable(await benchTracker());
}
