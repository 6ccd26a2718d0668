// GET /api/requests with 10 000 stored requests: p50/p95 per query shape against `next start` (goal p95 ≤ 50 ms),
// asked by a security officer (who sees every request) signed in with a session cookie, as the dashboard is.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { requestStatuses } from '@/lib/api/dto';
import { makeCsr } from '@/mocks/tsb/testing';
import { benchEnv, createAccounts, signedIn, startStack } from './stack';

const total = 10_000;
const ports = { app: 3203, simulator: 8793 };
const env = benchEnv('list', ports);
const [officer] = await createAccounts([{ email: 'officer@list.bench', role: 'officer' }]);
const { closeDb } = await import('@/lib/db');
const { insertRequestRecord } = await import('@/lib/db/requests');
const { newRow } = await import('@/lib/requests/new-row');

const csrPem = await makeCsr('list.example');
const keys = ['CA.approver.example', 'CA.timelock.example', 'CA.ec.example', 'CA.direct.example'];
const seedStart = performance.now();
for (let i = 0; i < total; i++) {
  const status = requestStatuses[i % requestStatuses.length]!;
  const createdAt = new Date(Date.now() - i * 60_000).toISOString();
  const input = {
    csrPem,
    signKeyName: keys[i % keys.length]!,
    signatureAlgorithm: 'SHA256_WITH_RSA' as const,
    commonName: `host-${i}.example.com`,
    certificateAuthority: false,
    keyUsage: ['DIGITAL_SIGNATURE' as const],
    extendedKeyUsage: ['SERVER_AUTH' as const],
    reason: `seed ${i}`,
  };
  const row = newRow(
    input,
    { label: input.signKeyName, algorithm: 'RSA', policy: null },
    'ab'.repeat(32),
    randomUUID(),
    randomUUID(),
  );
  await insertRequestRecord({
    ...row,
    status,
    createdAt,
    updatedAt: createdAt,
    requester: `user${i % 7}@example.com`,
    history: [{ status, at: createdAt, note: null }],
  });
}
await closeDb();
console.log(`seeded ${total} requests in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const stack = await startStack(ports, { ...env, TRACKER_ENABLED: 'false' });
const headers = await signedIn(stack.appUrl, officer!, 'session');
const shapes: Record<string, string> = {
  'first page, newest first': '',
  'page 200 of 400': '?page=200',
  'status PENDING,APPROVED': '?status=PENDING,APPROVED',
  'search "host-99"': '?q=host-99',
  'sort by common name': '?sort=commonName&order=asc',
  'key + requester filter': '?key=CA.ec.example&requester=user3@example.com',
};
try {
  for (const [name, query] of Object.entries(shapes)) {
    const times: number[] = [];
    for (let i = 0; i < 101; i++) {
      const start = performance.now();
      const response = await fetch(`${stack.appUrl}/api/requests${query}`, { headers });
      const body = (await response.json()) as { total?: number };
      if (!response.ok || typeof body.total !== 'number') throw new Error(`${name}: HTTP ${response.status}`);
      if (query === '' && body.total !== total)
        throw new Error(`the officer sees ${body.total} of ${total} requests`);
      if (i > 0) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(
      `/api/requests, 10k rows, ${name.padEnd(26)} runs ${times.length}   p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   goal p95 ≤ 50 ms`,
    );
  }
} finally {
  stack.stop();
}
