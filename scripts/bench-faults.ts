// The "Upstream faults" goal (SECURITY.md row 31) in full, part of `npm run bench`: 16 fault kinds × submit,
// status and fetch certificate × 50 runs against the simulator in process, printed as a table. Times are
// scaled (TSB_TIMEOUT_MS 200 ms stands for the default 10 s; see lib/requests/fault-matrix.ts).
//   npm run bench -- faults                 FAULT_RUNS=5 npm run bench -- faults   (a quicker look)
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { tsbInProcess } from './stack';

const runsPerCell = Number(process.env.FAULT_RUNS ?? 50);
const timeoutMs = 200;
const canary = `canary-${randomUUID()}`;
const { sim, server } = await tsbInProcess({ apiKey: canary, timeoutMs });
const { answerBoundMs, faultKinds, operations, runFault, warmUp } =
  await import('@/lib/requests/fault-matrix');

// Every log line is kept for the canary search and kept off the terminal until the table is printed.
const logs: string[] = [];
const original = { ...console };
for (const level of ['error', 'warn', 'log', 'info', 'debug'] as const) {
  console[level] = (...args: unknown[]) =>
    void logs.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
}
let unhandled = 0;
process.on('unhandledRejection', () => unhandled++);

// AbortSignal.timeout's timers do not keep a process alive; a server's listening socket does, this here.
const keepAlive = setInterval(() => undefined, 1_000);
const ctx = { sim, canary, logs, scale: timeoutMs / 10_000 };
await warmUp(sim);
type Row = {
  kind: string;
  operation: string;
  runs: number;
  crashes: number;
  lost: number;
  duplicates: number;
  maxMs: number;
  secrets: number;
  outcomes: Set<string>;
};
const rows: Row[] = [];
const started = Date.now();
for (const operation of operations) {
  for (const kind of faultKinds) {
    const row: Row = {
      kind: kind.name,
      operation,
      runs: 0,
      crashes: 0,
      lost: 0,
      duplicates: 0,
      maxMs: 0,
      secrets: 0,
      outcomes: new Set(),
    };
    for (let i = 0; i < runsPerCell; i++) {
      const run = await runFault(ctx, kind, operation).catch((error: unknown) => {
        logs.push(`run failed: ${String(error)}`);
        return null;
      });
      row.runs++;
      if (!run) {
        row.crashes++;
        continue;
      }
      row.crashes += Number(run.crash);
      row.lost += Number(run.lost);
      row.duplicates += run.duplicateSigningCalls;
      row.maxMs = Math.max(row.maxMs, run.answerMs);
      row.secrets += run.secretHits;
      row.outcomes.add(run.outcome);
    }
    rows.push(row);
  }
}
server.close();
clearInterval(keepAlive);
Object.assign(console, original);

const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
const bound = answerBoundMs(ctx.scale);
console.log(
  `\nUpstream faults · node ${process.version} · ${new Date().toISOString()} · TSB_TIMEOUT_MS ${timeoutMs} (scale ${ctx.scale}) · ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
const head = [
  'fault kind'.padEnd(24),
  'operation'.padEnd(17),
  'runs',
  'crash',
  'lost',
  'dup',
  'max ms',
  'secret',
  ' user-facing outcomes',
];
console.log(head.join(' '));
for (const r of rows) {
  const cells = [
    r.kind.padEnd(24),
    r.operation.padEnd(17),
    String(r.runs).padStart(4),
    String(r.crashes).padStart(5),
    String(r.lost).padStart(4),
    String(r.duplicates).padStart(3),
    r.maxMs.toFixed(0).padStart(6),
    String(r.secrets).padStart(6),
  ];
  console.log(`${cells.join(' ')}  ${[...r.outcomes].sort().join(', ')}`);
}
console.log(
  `\n${sum((r) => r.runs)} runs · crashes ${sum((r) => r.crashes)} · lost ${sum((r) => r.lost)} · duplicate signing calls ${sum((r) => r.duplicates)} · ` +
    `max answer ${Math.max(...rows.map((r) => r.maxMs)).toFixed(0)} ms (bound ${bound} ms: 15 s scaled + 1 s own work) · secret hits ${sum((r) => r.secrets)} · unhandled ${unhandled}`,
);
process.exit(0);
