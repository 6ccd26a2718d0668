// SECURITY.md row 36, event loop: ten CSRs of the largest size the CSR gate accepts (16 KiB of PEM: an
// RSA-4096 key and as many DNS names as fit) checked at once, while perf_hooks measures the event loop's
// delay; goal p99 ≤ 100 ms. Then bodies over the limit, which must be refused before any parsing.
// The ten start together (Promise.all), so the synchronous part of each decode runs back to back, as it
// does when ten bodies arrive in one turn of the server's loop. In process, like bench-service: the
// submit route handler itself (POST /api/requests) and lib/pki's decode + check. There is no route that
// checks a CSR without submitting, so the submissions name a key the simulator does not have: each one
// runs the whole gate, then stops at the key lookup (422), and the simulator (on this same event loop
// here, on another machine in production) never signs.
//   BENCH_LOOP_ROUNDS  rounds of ten concurrent CSRs per path (default 5, after one warm-up round)
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as x509 from '@peculiar/x509';
import type { Actor } from '@/lib/auth/types';
import { checkCsr, decodeCsr, maxInputBytes } from '@/lib/pki';
import { tsbInProcess } from './stack';

const rounds = Number(process.env.BENCH_LOOP_ROUNDS || 5);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_LOOP_ROUNDS must be a whole number ≥ 1`);
const concurrent = 10;

const { sim, server } = await tsbInProcess();
const { setActorSource } = await import('@/lib/authz/actor-source');
const { resetSubmissionLimits } = await import('@/lib/authz/rate-limit');
const submitRoute = await import('@/app/api/requests/route');

const upstreamCalls = () => Object.values(sim.stats()).reduce((sum, n) => sum + n, 0);

// Each submission comes from its own operator, by personal token (scripts may omit Origin).
const operator = (n: number): Actor => ({
  userId: `loop-operator-${n}`,
  email: `operator${n}@loop.bench`,
  name: `Operator ${n}`,
  role: 'operator',
  via: 'token',
  authenticatedAt: new Date().toISOString(),
});
const actors = new Map<string, Actor>();
setActorSource((headers) => Promise.resolve(actors.get(headers.get('x-bench-actor') ?? '') ?? null));

async function rsa4096(): Promise<CryptoKeyPair> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 4096,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
  return crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
}

async function csrWith(keys: CryptoKeyPair, names: string[]): Promise<string> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: new x509.Name([{ CN: [{ utf8String: names[0]! }] }]),
    keys,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    extensions: [
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value }))),
    ],
  });
  return csr.toString('pem');
}

const dnsName = (tag: string, i: number, pad = 0) =>
  `h${String(i).padStart(4, '0')}${'x'.repeat(pad)}.${tag}.loop.example.com`;

/**
 * The DNS names that make the largest CSR for `keys` within `limit` characters of PEM: as many as fit,
 * the last one padded (a DNS label holds 63 characters) to close the gap. RSA-4096 keys and signatures
 * have one length, so the names found for one key fit every other.
 */
async function namesFilling(keys: CryptoKeyPair, tag: string, limit: number): Promise<string[]> {
  const names = (count: number) => Array.from({ length: count }, (_, i) => dnsName(tag, i));
  const size = async (list: string[]) => (await csrWith(keys, list)).length;
  const one = await size(names(1));
  const perName = ((await size(names(11))) - one) / 10;
  let count = Math.floor((limit - one) / perName) + 1;
  while (count > 1 && (await size(names(count))) > limit) count--;
  while ((await size(names(count + 1))) <= limit) count++;
  const padded = (pad: number) => [...names(count - 1), dnsName(tag, count - 1, pad)];
  let [low, high] = [0, 63 - dnsName(tag, count - 1).split('.')[0]!.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((await size(padded(mid))) <= limit) low = mid;
    else high = mid - 1;
  }
  return padded(low);
}

function submitBody(csrPem: string, signKeyName = 'CA.absent.example'): string {
  return JSON.stringify({
    csrPem,
    signKeyName,
    signatureAlgorithm: 'SHA256_WITH_RSA',
    commonName: 'loop.example',
    certificateAuthority: false,
    keyUsage: ['DIGITAL_SIGNATURE'],
    extendedKeyUsage: ['SERVER_AUTH'],
    reason: 'event loop bench',
  });
}

let sequence = 0;
async function post(body: string): Promise<{ status: number; code: string; message: string; ms: number }> {
  const actor = operator(sequence++);
  actors.set(actor.userId, actor);
  const request = new Request('http://certdesk.test/api/requests', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      'x-bench-actor': actor.userId,
    },
    body,
  });
  const start = performance.now();
  const response = await submitRoute.POST(request, undefined);
  const ms = performance.now() - start;
  const answer = (await response.json()) as {
    error?: { code?: string; message?: string; issues?: Record<string, string[]> };
  };
  const issues = Object.values(answer.error?.issues ?? {}).flat();
  const message = [answer.error?.message, ...issues].filter(Boolean).join(' ');
  return { status: response.status, code: answer.error?.code ?? '', message, ms };
}

try {
  const generationStart = performance.now();
  const keys = await Promise.all(Array.from({ length: concurrent }, () => rsa4096()));
  // Tags of one length, so that every CSR has the same size: the largest that fits.
  const names = await namesFilling(keys[0]!, 'c0', maxInputBytes);
  const csrs: { pem: string; names: number }[] = [];
  for (const [i, pair] of keys.entries()) {
    const own = names.map((name) => name.replace('.c0.', `.c${i}.`));
    csrs.push({ pem: await csrWith(pair, own), names: own.length });
  }
  for (const { pem } of csrs) {
    if (pem.length > maxInputBytes)
      throw new Error(`a generated CSR has ${pem.length} characters, over the limit`);
    const decoded = await decodeCsr(pem);
    if (!decoded.ok) throw new Error(`a generated CSR does not decode: ${decoded.error}`);
    const errors = checkCsr(decoded.view).filter((finding) => finding.severity === 'error');
    if (errors.length > 0) throw new Error(`a generated CSR fails the gate: ${errors[0]!.message}`);
  }
  const span = (values: number[]) =>
    Math.min(...values) === Math.max(...values)
      ? String(values[0])
      : `${Math.min(...values)}–${Math.max(...values)}`;
  console.log(
    `\nEvent loop · ${concurrent} RSA-4096 CSRs, each with ${span(csrs.map((c) => c.names))} DNS names in ` +
      `${span(csrs.map((c) => c.pem.length))} characters of PEM (limit ${maxInputBytes}), all accepted by the gate ` +
      `(made in ${((performance.now() - generationStart) / 1000).toFixed(1)} s) · ${rounds} rounds after a warm-up\n`,
  );

  const paths: [string, (pem: string) => Promise<unknown>][] = [
    [
      'lib/pki decode + check',
      async (pem) => {
        const decoded = await decodeCsr(pem);
        if (!decoded.ok) throw new Error(decoded.error);
        return checkCsr(decoded.view);
      },
    ],
    [
      'POST /api/requests up to the key lookup',
      async (pem) => {
        const answer = await post(submitBody(pem));
        if (answer.status !== 422 || answer.code !== 'key_not_found') {
          throw new Error(
            `expected 422 key_not_found after the CSR gate, got ${answer.status} ${answer.code}: ${answer.message}`,
          );
        }
      },
    ],
  ];
  const ms = (ns: number) => (ns / 1e6).toFixed(1).padStart(8);
  console.log(
    `${'path, 10 CSRs at once'.padEnd(40)} ${'round p50'.padStart(9)} ${'round max'.padStart(9)} ${'loop p50'.padStart(8)} ${'loop p99'.padStart(8)} ${'loop max'.padStart(8)}  (ms)  goal loop p99 ≤ 100 ms`,
  );
  for (const [name, check] of paths) {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const times: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      resetSubmissionLimits();
      if (round > 0) delay.enable();
      const start = performance.now();
      await Promise.all(csrs.map(({ pem }) => check(pem)));
      if (round > 0) {
        times.push(performance.now() - start);
        delay.disable();
      }
    }
    times.sort((a, b) => a - b);
    const round = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1e6;
    console.log(
      `${name.padEnd(40)} ${ms(round(0.5)).padStart(9)} ${ms(round(1)).padStart(9)} ${ms(delay.percentile(50))} ${ms(delay.percentile(99))} ${ms(delay.max)}`,
    );
  }

  // Over the limit: a real CSR a little larger than 16 KiB, and a body larger than the 64 KiB JSON cap.
  const oversize = await csrWith(keys[0]!, [
    ...names,
    ...Array.from({ length: 20 }, (_, i) => dnsName('more', i)),
  ]);
  const callsBefore = upstreamCalls();
  const tooLargeCsr = await post(submitBody(oversize, 'CA.approver.example'));
  const tooLargeBody = await post(submitBody('x'.repeat(100 * 1024), 'CA.approver.example'));
  const direct = performance.now();
  const decoded = await decodeCsr(oversize);
  const directMs = performance.now() - direct;
  const upstream = upstreamCalls() - callsBefore;
  console.log(`\noversize, refused before the CSR is parsed (TSB calls made: ${upstream}):`);
  console.log(
    `  POST /api/requests, ${oversize.length}-character CSR  → ${tooLargeCsr.status} ${tooLargeCsr.code} in ${tooLargeCsr.ms.toFixed(1)} ms: ${tooLargeCsr.message}`,
  );
  console.log(
    `  POST /api/requests, ${((100 * 1024) / 1024).toFixed(0)} KiB body          → ${tooLargeBody.status} ${tooLargeBody.code} in ${tooLargeBody.ms.toFixed(1)} ms: ${tooLargeBody.message}`,
  );
  console.log(
    `  lib/pki decodeCsr, ${oversize.length} characters     → ${decoded.ok ? 'decoded (!)' : `refused in ${directMs.toFixed(2)} ms: ${decoded.error}`}`,
  );
} finally {
  server.close();
  setActorSource(null);
}
