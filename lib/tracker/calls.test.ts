import { expect, it } from 'vitest';
import { readRequest } from '@/lib/requests/read';
import { startSimulator } from '@/lib/testing/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { subscribeRequests } from './bus';
import { requestEventStream } from './stream';
import { manualTracker, submitted } from './test-support';

const tsb = startSimulator();
const statusReads = () => tsb.sim.stats()['GET /v1/request/{id}'] ?? 0;

it('reads the TSB once per due open request per cycle, however many watch', async () => {
  const requests = await Promise.all(
    Array.from({ length: 6 }, (_, i) => submitted('CA.approver.example', `watched-${i}.example`)),
  );
  const { tracker, advance, step } = manualTracker();

  let before = statusReads();
  expect(await tracker.tick()).toMatchObject({ checked: 6, failed: 0 });
  expect(statusReads() - before).toBe(6);

  // Within the young requests' 1 s interval nothing is due.
  advance(200);
  before = statusReads();
  expect(await tracker.tick()).toMatchObject({ checked: 0 });
  expect(statusReads()).toBe(before);

  const aborts = Array.from({ length: 25 }, () => new AbortController());
  const streams = aborts.map((abort) =>
    requestEventStream({ ids: null, signal: abort.signal, maxStreams: 1000 }),
  );
  const unsubscribes = Array.from({ length: 25 }, () => subscribeRequests(() => {}));
  before = statusReads();
  for (let watcher = 0; watcher < 25; watcher++) await Promise.all(requests.map((r) => readRequest(r.id)));
  expect(statusReads()).toBe(before);
  expect(await step()).toMatchObject({ checked: 6 });
  expect(statusReads() - before).toBe(6);

  aborts.forEach((abort) => abort.abort());
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  expect(streams.every((response) => response.status === 200)).toBe(true);
});

it('backs off a request whose check fails and keeps checking the others', async () => {
  const lines: string[] = [];
  const { tracker, advance } = manualTracker((line) => lines.push(line));
  const broken = await submitted('CA.approver.example', 'broken.example');
  tsb.sim.requests.delete(broken.tsbRequestId!);
  const first = await tracker.tick();
  expect(first.failed).toBe(1);
  expect(first.checked).toBeGreaterThan(0);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`request ${broken.id} .*check failed, next in 1.0 s`));
  advance(700);
  expect((await tracker.tick()).failed).toBe(0);
  advance(400);
  expect((await tracker.tick()).failed).toBe(1);
  expect(lines[1]).toMatch(/next in 2.0 s/);
});

it('reads a quiet request rarely, and often again once an approval arrives', async () => {
  const { tracker, advance } = manualTracker();
  const request = await submitted('CA.approver.example', 'quiet.example');
  const reads = async () => {
    const before = statusReads();
    await tracker.tick();
    return statusReads() - before;
  };
  advance(20 * 60_000);
  await tracker.tick();
  advance(5000);
  const quiet = await reads();
  await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
  advance(5000);
  await tracker.tick(); // every request of this file is due: the approval is seen
  advance(600);
  // Only the request that just changed is due again this soon.
  expect({ quiet, after: await reads() }).toEqual({ quiet: 0, after: 1 });
});
