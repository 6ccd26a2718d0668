// SECURITY.md row 35, polling load: autocannon against `next start` (production build) with the TSB
// simulator, on the status route a browser polls (GET /api/requests/{id}, signed in) across seeded
// pending requests. A warm-up at both loads, a steady phase, then a burst with 5× the connections.
// Prints req/s, p50/p95/p99 latency, errors and non-2xx per phase, the simulator's status reads per
// request id and tracker interval (the tracker, not the viewers, drives them), and the server's RSS.
// Goals: ≥ 300 req/s, p95 ≤ 200 ms, p99 ≤ 500 ms, 0 errors, ≤ 1 upstream read per id per interval,
// memory drift ≤ 10 %. Figures only: nothing here passes or fails.
//
//   BENCH_LOAD_SECONDS        steady phase, seconds (default 30; SECURITY.md asks for 300)
//   BENCH_LOAD_BURST_SECONDS  burst phase, seconds (default 10; SECURITY.md asks for 60)
//   BENCH_LOAD_CONNECTIONS    connections in the steady phase (default 10; the burst uses 5×)
//   BENCH_LOAD_REQUESTS       pending requests seeded and polled (default 10)
//   BENCH_LOAD_AUTH           session (a browser's cookie, default) or token (a personal API token)
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import autocannon from 'autocannon';
import { defaultIntervals, intervalFor, parseIntervals, type IntervalStep } from '@/lib/tracker/schedule';
import { makeCsr } from '@/mocks/tsb/testing';
import {
  appUrlFor,
  benchEnv,
  createAccounts,
  signedIn,
  startStack,
  submit,
  type Account,
  type Stack,
} from './stack';

function setting(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, not "${text}"`);
  return value;
}

const steadySeconds = setting('BENCH_LOAD_SECONDS', 30);
const burstSeconds = setting('BENCH_LOAD_BURST_SECONDS', 10);
const connections = setting('BENCH_LOAD_CONNECTIONS', 10);
const requestCount = setting('BENCH_LOAD_REQUESTS', 10);
const auth = process.env.BENCH_LOAD_AUTH || 'session';
if (auth !== 'session' && auth !== 'token')
  throw new Error(`BENCH_LOAD_AUTH must be session or token, not "${auth}"`);
const warmUpSeconds = 30;
const rssSampleSeconds = 30;
const ports = { app: 3204, simulator: 8794 };
const appUrl = appUrlFor(ports);

// The server's own defaults: the bench reads what it configures, so that the figures describe it.
const intervalsText = process.env.TRACKER_INTERVALS || defaultIntervals;
const parsedIntervals = parseIntervals(intervalsText);
if ('problem' in parsedIntervals) throw new Error(`TRACKER_INTERVALS: ${parsedIntervals.problem}`);
const intervals = parsedIntervals.steps;
const readsPerSecond = Number(process.env.TRACKER_READS_PER_SECOND || 20);
const perUserSubmissions = Number(process.env.SUBMIT_RATE_PER_MINUTE || 10);

// Accounts are made before the server starts, as `npm run admin` does on a real deployment.
const serverEnv = benchEnv('load', ports);
// Submissions are limited per user (SUBMIT_RATE_PER_MINUTE): enough operators to seed at once.
const [officer, ...operators] = await createAccounts([
  { email: 'officer@load.bench', role: 'officer' },
  ...Array.from({ length: Math.ceil(requestCount / perUserSubmissions) }, (_, i) => ({
    email: `operator${i}@load.bench`,
    role: 'operator' as const,
  })),
]);

type Phase = {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusReads: number;
  /** Status reads the intervals allow for these requests over this phase. */
  allowedReads: number;
};

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Reads each request may get over [from, to] (epoch ms) by its age and the tracker intervals. */
function readsAllowed(createdAt: number[], from: number, to: number, steps: readonly IntervalStep[]): number {
  const stepMs = 10;
  let total = 0;
  for (const created of createdAt) {
    for (let t = from; t < to; t += stepMs)
      total += Math.min(stepMs, to - t) / intervalFor(t - created, steps);
  }
  return total;
}

/** The process that listens on `port` among this one's descendants (the `next start` server). */
function listeningPid(port: number): number {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const sockets = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(hex) && fields[3] === '0A') sockets.add(`socket:[${fields[9]}]`);
    }
  }
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
      if (p === process.pid) return true;
    return false;
  };
  for (const pid of parents.keys()) {
    if (!descends(pid)) continue;
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => sockets.has(readlinkSync(`/proc/${pid}/fd/${fd}`))))
        return pid;
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  throw new Error(`no process of this bench listens on port ${port}`);
}

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) / 1024;
}

async function statusReads(stack: Stack): Promise<number> {
  const stats = (await (await fetch(`${stack.simulatorUrl}/_sim/stats`)).json()) as Record<string, number>;
  return stats['GET /v1/request/{id}'] ?? 0;
}

function submitAs(by: Account, csrPem: string): Promise<Response> {
  return submit(
    appUrl,
    { authorization: `Bearer ${by.token}` },
    { csrPem, signKeyName: 'CA.approver.example', commonName: 'load.example', reason: 'load bench' },
  );
}

let stack: Stack | undefined;
const stop = () => stack?.stop();

try {
  stack = await startStack(ports, serverEnv);
  const running = stack;
  const serverPid = listeningPid(ports.app);

  // Pending requests (2 of 3 approvals, nobody approves): open, so the tracker follows every one.
  const csrPem = await makeCsr('load.example', { algorithm: 'RSA' });
  const ids: string[] = [];
  const createdAt: number[] = [];
  for (let i = 0; i < requestCount; i++) {
    const response = await submitAs(operators[Math.floor(i / perUserSubmissions)]!, csrPem);
    const body = (await response.json()) as { id: string; status: string; createdAt: string };
    if (response.status !== 201 || body.status !== 'PENDING')
      throw new Error(`seeding answered ${response.status}: ${JSON.stringify(body)}`);
    ids.push(body.id);
    createdAt.push(Date.parse(body.createdAt));
  }
  // The one limit on this API is on submissions: one more than a user's minute allows shows it.
  const overLimit = await submitAs(operators.at(-1)!, csrPem);
  const limitNote =
    overLimit.status === 429
      ? `429 with Retry-After ${overLimit.headers.get('retry-after')} s`
      : `${overLimit.status} (the operator had tokens left)`;

  const headers = await signedIn(appUrl, officer!, auth);
  for (const id of ids) {
    const response = await fetch(`${appUrl}/api/requests/${id}`, { headers });
    if (!response.ok)
      throw new Error(`GET /api/requests/${id} answered ${response.status}: ${await response.text()}`);
  }

  const run = async (name: string, conns: number, seconds: number): Promise<Phase> => {
    const latencies: number[] = [];
    const readsBefore = await statusReads(running);
    const from = Date.now();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const options = {
        url: appUrl,
        connections: conns,
        duration: seconds,
        headers,
        requests: ids.map((id) => ({ method: 'GET' as const, path: `/api/requests/${id}` })),
      };
      autocannon(options, (error: Error | null, done) => (error ? reject(error) : resolve(done))).on(
        'response',
        (_client, _status, _bytes, responseTime) => latencies.push(responseTime),
      );
    });
    const to = Date.now();
    const reads = (await statusReads(running)) - readsBefore;
    latencies.sort((a, b) => a - b);
    return {
      name,
      connections: conns,
      seconds: result.duration,
      requests: latencies.length,
      reqPerSecond: latencies.length / result.duration,
      p50: at(latencies, 0.5),
      p95: at(latencies, 0.95),
      p99: at(latencies, 0.99),
      max: at(latencies, 1),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusReads: reads,
      allowedReads: readsAllowed(createdAt, from, to, intervals),
    };
  };

  // Warm up at both loads, so that the baseline holds what the burst's connections need and the drift
  // shows what stays behind, not the heap growing to its working size (which takes ~30 s at 10 connections).
  await run('warm-up', connections, warmUpSeconds);
  await run('warm-up', connections * 5, warmUpSeconds);
  const rssBefore = rssMiB(serverPid);
  // Sampled through the steady phase: a heap settling at its working size levels off, a leak keeps climbing.
  const rssSamples: number[] = [];
  const sampler = setInterval(() => rssSamples.push(rssMiB(serverPid)), rssSampleSeconds * 1000);
  const steady = await run('steady', connections, steadySeconds);
  clearInterval(sampler);
  const rssSteady = rssMiB(serverPid);
  const burst = await run('burst 5×', connections * 5, burstSeconds);
  const rssAfter = rssMiB(serverPid);
  const phases = [steady, burst];

  const f = (n: number, digits = 1) => n.toFixed(digits);
  console.log(
    `\nPolling load · GET /api/requests/{id} · ${requestCount} pending requests · signed in by ${auth === 'session' ? 'session cookie' : 'personal API token'}`,
  );
  console.log(
    `durations: steady ${steadySeconds} s + burst ${burstSeconds} s (SECURITY.md row 35 asks 300 s + 60 s: BENCH_LOAD_SECONDS=300 BENCH_LOAD_BURST_SECONDS=60) after a warm-up of ${warmUpSeconds} s at each load`,
  );
  console.log(
    `tracker: TRACKER_INTERVALS=${intervalsText}, at most ${readsPerSecond} TSB reads/s · rate limits: GETs none; submit #${perUserSubmissions + 1} of one operator in a minute → ${limitNote}\n`,
  );
  console.log(
    `${'phase'.padEnd(9)} ${'conns'.padStart(5)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(6)} ${'non2xx'.padStart(6)}  ${'TSB status reads'.padStart(16)}  ${'per id per interval'}`,
  );
  for (const p of phases) {
    console.log(
      `${p.name.padEnd(9)} ${String(p.connections).padStart(5)} ${f(p.reqPerSecond, 0).padStart(7)} ${f(p.p50).padStart(7)} ${f(p.p95).padStart(7)} ${f(p.p99).padStart(7)} ${f(p.max).padStart(7)} ${String(p.errors).padStart(6)} ${String(p.non2xx).padStart(6)}  ${`${p.statusReads} (${f(p.statusReads / p.seconds)}/s)`.padStart(16)}  ${f(p.statusReads / p.allowedReads, 2)} (${p.statusReads} of ${f(p.allowedReads, 0)} allowed)`,
    );
  }
  const drift = (to: number) => {
    const percent = ((to - rssBefore) / rssBefore) * 100;
    return `${percent >= 0 ? '+' : ''}${f(percent)} %`;
  };
  console.log(
    `\nserver RSS: ${f(rssBefore)} MiB after warm-up → ${f(rssSteady)} MiB after steady (${drift(rssSteady)}) → ${f(rssAfter)} MiB after the burst (drift ${drift(rssAfter)})`,
  );
  if (rssSamples.length > 0) {
    console.log(
      `server RSS every ${rssSampleSeconds} s of the steady phase: ${rssSamples.map((n) => f(n, 0)).join(' ')} MiB`,
    );
  }
  console.log(
    'goals: ≥ 300 req/s, p95 ≤ 200 ms, p99 ≤ 500 ms, 0 errors and non-2xx, ≤ 1.00 TSB read per id per interval at any load, drift ≤ 10 %',
  );
} finally {
  stop();
}
