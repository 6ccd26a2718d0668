// Figures for the paths users wait on, printed as a table (part of `npm run bench`). Not a test: nothing here
// passes or fails; compare the numbers between runs on the same machine.
// Runs the request service against the simulator in process (MSW), so it measures CertDesk and the
// simulator's real signing, not the network.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkCsr, decodeCertificate, decodeCsr } from '@/lib/pki';
import { approveAs, makeCsr } from '@/mocks/tsb/testing';
import { tsbInProcess } from './stack';

const { sim, server } = await tsbInProcess();
const { refreshRequestNow, submitRequest } = await import('@/lib/requests');

type Row = { what: string; runs: number; p50: number; p95: number; max: number; goal: string };
const rows: Row[] = [];

async function measure(
  what: string,
  runs: number,
  goal: string,
  once: () => Promise<unknown>,
): Promise<void> {
  await once(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  rows.push({ what, runs, p50: at(0.5), p95: at(0.95), max: at(1), goal });
}

const rsaCsr = await makeCsr('bench-rsa.example', { algorithm: 'RSA' });
const ecCsr = await makeCsr('bench-ec.example');
const fixture = readFileSync('mocks/fixtures/seed-approver-sub.pem', 'utf8');

async function previewCsr(pem: string) {
  const decoded = await decodeCsr(pem);
  if (!decoded.ok) throw new Error(decoded.error);
  return checkCsr(decoded.view);
}

await measure('decode + check RSA-2048 CSR (browser preview)', 200, '< 50 ms', () => previewCsr(rsaCsr));
await measure('decode + check EC P-256 CSR', 200, '< 50 ms', () => previewCsr(ecCsr));
await measure('decode certificate (TSB doc fixture)', 200, '< 50 ms', () => decodeCertificate(fixture));

const body = (signKeyName: string) => ({
  csrPem: rsaCsr,
  signKeyName,
  signatureAlgorithm: 'SHA256_WITH_RSA' as const,
  commonName: 'bench-rsa.example',
  certificateAuthority: false,
  keyUsage: ['DIGITAL_SIGNATURE' as const],
  extendedKeyUsage: ['SERVER_AUTH' as const],
  reason: 'bench',
});
await measure('submit → EXECUTED, key without policy', 20, '< 500 ms', () =>
  submitRequest(body('CA.direct.example'), randomUUID()),
);
await measure('submit → 2 of 3 approvals → EXECUTED', 20, '< 1000 ms', async () => {
  const { request } = await submitRequest(body('CA.approver.example'), randomUUID());
  await approveAs(sim, 'alice', request.tsbRequestId!);
  await approveAs(sim, 'bruno', request.tsbRequestId!);
  const done = await refreshRequestNow(request.id);
  if (done.status !== 'EXECUTED') throw new Error(`expected EXECUTED, got ${done.status}`);
});
server.close();

const ms = (n: number) => n.toFixed(1).padStart(8);
console.log(`\nCertDesk bench · node ${process.version} · ${new Date().toISOString()}\n`);
console.log(
  `${'path'.padEnd(46)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  goal`,
);
for (const r of rows)
  console.log(
    `${r.what.padEnd(46)} ${String(r.runs).padStart(5)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}  ${r.goal}`,
  );
