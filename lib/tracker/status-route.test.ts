import { afterAll, expect, it, vi } from 'vitest';
import { trackerStatusSchema } from '@/lib/api/dto';
import { actAs, actors } from '@/lib/authz/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { GET } from '@/app/api/tracker/route';
import { startTracker, stopTracker } from '.';
import { submitted } from './test-support';

// GET /api/tracker: this server's tracker's figures, read by an officer.

startSimulator({ TRACKER_READS_PER_SECOND: '7' });
afterAll(stopTracker);

async function status() {
  actAs(actors.officer);
  const response = await GET(new Request('http://certdesk.test/api/tracker'), undefined);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toMatch(/no-store/);
  return trackerStatusSchema.parse(await response.json());
}

it('says when no tracker runs in this process', async () => {
  expect(await status()).toMatchObject({ running: false, reads: 0, following: 0 });
});

it('shows the running tracker’s reads, budget and the requests it follows, and that none wait', async () => {
  await submitted('CA.approver.example', 'tracker-status.example');
  expect(startTracker()).not.toBeNull();
  const seen = await vi.waitFor(async () => {
    const now = await status();
    expect(now.reads).toBeGreaterThan(0);
    return now;
  });
  expect(seen).toMatchObject({ running: true, readsPerSecond: 7, waiting: 0, deferred: 0 });
  expect(seen.following).toBeGreaterThan(0);
  expect(seen.stalestMs).toBeLessThan(60_000);
  await stopTracker();
  expect((await status()).running).toBe(false);
});
