import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPemOrDer } from '../pem';
import { hostileInput, type Seed } from './arbitraries';
import { p99, processInput } from './pipeline';

// SECURITY.md row 23: ten thousand hostile inputs through read, decode, lint and render. None may throw;
// each ends decoded or refused with a reason. The p99 goal of the row is 50 ms per input.

const seedFiles = [
  'mocks/fixtures/demo-csr-ec-p256.pem',
  'mocks/fixtures/demo-tls-server.pem',
  'mocks/fixtures/openssl/csr-ed25519.pem',
  'mocks/fixtures/openssl/leaf-exotic-names.pem',
  'mocks/fixtures/openssl/csr-attributes.pem',
  'mocks/fixtures/openssl/leaf-ec-p256.pem',
];
const seeds: Seed[] = seedFiles.map((file) => {
  const read = readPemOrDer(readFileSync(file, 'utf8'));
  if (!read.ok) throw new Error(read.error);
  return { der: read.der, label: read.kind === 'csr' ? 'CERTIFICATE REQUEST' : 'CERTIFICATE' };
});

describe('hostile inputs (fast-check)', () => {
  it('never throw and always end decoded or refused with a reason', { timeout: 60_000 }, async () => {
    const durations: number[] = [];
    const cpu: number[] = [];
    const outcomes = { decoded: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(hostileInput(seeds), async (input) => {
        const start = performance.now();
        const startCpu = process.cpuUsage();
        const result = await processInput(input);
        const usedCpu = process.cpuUsage(startCpu);
        cpu.push((usedCpu.user + usedCpu.system) / 1000);
        durations.push(performance.now() - start);
        outcomes[result.outcome]++;
        if (result.outcome === 'refused') expect(result.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 10_000, seed: 20_250_101 },
    );
    console.log(
      `fast-check: ${durations.length} inputs, ${outcomes.decoded} decoded, ${outcomes.refused} refused, ` +
        `p99 ${p99(durations).toFixed(2)} ms wall, ${p99(cpu).toFixed(2)} ms CPU (goal 50 ms), ` +
        `max ${Math.max(...durations).toFixed(2)} ms wall`,
    );
    expect(durations.length).toBeGreaterThanOrEqual(10_000);
    // CPU time, not wall time, is asserted: the machine running the tests may be shared.
    expect(p99(cpu)).toBeLessThan(50);
  });
});
