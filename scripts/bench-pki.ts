// `npm run bench -- pki`: lib/pki against openssl on the Mozilla roots, and 100 000 hostile inputs.
// Figures only; compare runs on the same machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeAny, readPemOrDer, renderOpensslText } from '@/lib/pki';
import { hostileInput, type Seed } from '@/lib/pki/robustness/arbitraries';
import { p99, processInput } from '@/lib/pki/robustness/pipeline';

const rootsDir = '/usr/share/ca-certificates/mozilla';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const opensslPipeline = (bundle: string) =>
  `openssl crl2pkcs7 -nocrl -certfile '${bundle}' | openssl pkcs7 -print_certs -text -noout`;

/** openssl printing the whole bundle as text in one process (one pipeline), in milliseconds. */
function opensslBundle(bundle: string): number {
  const start = performance.now();
  const run = spawnSync('sh', ['-c', opensslPipeline(bundle)], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr.toString()}`);
  return performance.now() - start;
}

/**
 * The CPU time (user + system) of one such pipeline, averaged over five in one shell, whose `times` counts in
 * 10 ms ticks. Unlike wall time it hardly moves when other work shares the machine.
 */
function opensslCpu(bundle: string): number {
  const script = `for i in 1 2 3 4 5; do ${opensslPipeline(bundle)} > /dev/null; done; times`;
  const run = spawnSync('sh', ['-c', script]);
  const children = run.stdout.toString().trim().split('\n')[1] ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, [, minutes, rest]) => sum + Number(minutes) * 60 + Number(rest),
    0,
  );
  return (seconds * 1000) / 5;
}

interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Every root decoded into the full view model (fingerprints and key hash included) and rendered as the OpenSSL
 * text the parity test compares. `checkSelfSignature` adds the WebCrypto self-signature check of the
 * certificate page, which `openssl x509 -text` does not do. CPU time is this process's, all threads.
 */
async function decodeAndRender(pems: string[], checkSelfSignature: boolean): Promise<Timing> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const pem of pems) {
    const decoded = await decodeAny(pem, undefined, { checkSelfSignature });
    if (decoded.kind === 'unknown' || !decoded.result.ok) throw new Error('a root did not decode');
    renderOpensslText(decoded.result.view);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 };
}

async function medianOf5(pems: string[], checkSelfSignature: boolean): Promise<Timing> {
  const runs: Timing[] = [];
  for (let i = 0; i < 5; i++) runs.push(await decodeAndRender(pems, checkSelfSignature));
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

async function roots(): Promise<void> {
  if (!existsSync(rootsDir)) return void console.log(`pki roots: skipped, ${rootsDir} is missing`);
  const pems = readdirSync(rootsDir)
    .filter((f) => f.endsWith('.crt'))
    .sort()
    .map((f) => readFileSync(join(rootsDir, f), 'utf8'));
  const bundle = join(tmpdir(), `certdesk-roots-${process.pid}.pem`);
  writeFileSync(bundle, pems.join(''));
  // The first pass is the first decode in this process: modules are loaded, nothing is compiled hot yet.
  const cold = await decodeAndRender(pems, false);
  const warm = await medianOf5(pems, false);
  const checked = await medianOf5(pems, true);
  const openssl = median([0, 1, 2, 3, 4].map(() => opensslBundle(bundle)));
  const opensslCpuTime = opensslCpu(bundle);
  const ratio = (value: number, base = openssl) => `${(value / base).toFixed(1)}×`;
  console.log(
    `pki roots: openssl prints ${pems.length} roots as text in ${ms(openssl)} (one process, median of 5)`,
  );
  console.log(
    'pki roots: lib/pki decodes each root into the full view model (SHA-1/SHA-256 fingerprints and key hash included) and renders its OpenSSL text; without the self-signature check, which openssl -text does not do either',
  );
  console.log(
    `pki roots: lib/pki decodes and renders them in ${ms(cold.wall)} on the first pass, ${ms(warm.wall)} warm (median of 5)`,
  );
  console.log(
    `pki roots: ratio to openssl ${ratio(cold.wall)} first pass, ${ratio(warm.wall)} warm (goal ≤ 2×)`,
  );
  console.log(
    `pki roots: CPU time: openssl ${ms(opensslCpuTime)}, lib/pki ${ms(cold.cpu)} first pass, ${ms(warm.cpu)} warm; ratio ${ratio(cold.cpu, opensslCpuTime)} first pass, ${ratio(warm.cpu, opensslCpuTime)} warm`,
  );
  console.log(
    `pki roots: with the self-signature check as well (the certificate page's decode): ${ms(checked.wall)} warm (median of 5), ${ratio(checked.wall)}; CPU ${ms(checked.cpu)}, ${ratio(checked.cpu, opensslCpuTime)}`,
  );
}

async function hostile(count: number): Promise<void> {
  const seeds: Seed[] = [
    'mocks/fixtures/demo-csr-ec-p256.pem',
    'mocks/fixtures/demo-tls-server.pem',
    'mocks/fixtures/openssl/csr-attributes.pem',
    'mocks/fixtures/openssl/leaf-ec-p256.pem',
    'mocks/fixtures/openssl/leaf-exotic-names.pem',
    'mocks/fixtures/openssl/csr-ed25519.pem',
  ].map((file) => {
    const read = readPemOrDer(readFileSync(file, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    return { der: read.der, label: read.kind === 'csr' ? 'CERTIFICATE REQUEST' : 'CERTIFICATE' };
  });
  const seed = Date.now() % 2 ** 31;
  const inputs = fc.sample(hostileInput(seeds), { numRuns: count, seed });
  const durations: number[] = [];
  const outcomes = { decoded: 0, refused: 0, crashed: 0 };
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  for (const input of inputs) {
    const begin = performance.now();
    try {
      outcomes[(await processInput(input)).outcome]++;
    } catch (error) {
      outcomes.crashed++;
      if (outcomes.crashed <= 3)
        console.log(`pki hostile: crash: ${error instanceof Error ? error.stack : String(error)}`);
    }
    durations.push(performance.now() - begin);
  }
  const seconds = (performance.now() - start) / 1000;
  const rssGrowth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  console.log(
    `pki hostile: ${count} fast-check inputs (seed ${seed}): ${outcomes.crashed} crashes, ${outcomes.decoded} decoded, ${outcomes.refused} refused`,
  );
  console.log(
    `pki hostile: ${(count / seconds).toFixed(0)} inputs/s, p99 ${p99(durations).toFixed(2)} ms (goal ≤ 50 ms), max ${Math.max(...durations).toFixed(1)} ms, RSS growth ${rssGrowth.toFixed(0)} MB`,
  );
  if (outcomes.crashed > 0) process.exitCode = 1;
}

process.on('unhandledRejection', (reason) => {
  console.log(`pki: unhandled rejection: ${String(reason)}`);
  process.exitCode = 1;
});
await roots();
await hostile(Number(process.env.PKI_BENCH_INPUTS ?? 100_000));
