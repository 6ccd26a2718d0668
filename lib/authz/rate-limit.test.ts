import { describe, expect, it } from 'vitest';
import { submitLimits, TokenBuckets } from './rate-limit';

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then one more each 60/perMinute seconds', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    for (let i = 0; i < 10; i++) expect(buckets.take('a', 10).ok).toBe(true);
    expect(buckets.take('a', 10)).toEqual({ ok: false, retryAfterSeconds: 6 });
    now += 5_999;
    expect(buckets.take('a', 10).ok).toBe(false);
    now += 1;
    expect(buckets.take('a', 10).ok).toBe(true);
    expect(buckets.take('b', 10).ok).toBe(true);
  });

  it('never refills beyond perMinute however long it waits', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    buckets.take('a', 2);
    now += 3_600_000;
    expect([1, 2, 3].map(() => buckets.take('a', 2).ok)).toEqual([true, true, false]);
  });
});

describe('submitLimits', () => {
  it('defaults to 10 a minute per user and 120 for everyone', () => {
    expect(submitLimits({})).toEqual({ perUser: 10, global: 120 });
    expect(submitLimits({ SUBMIT_RATE_PER_MINUTE: '3', SUBMIT_RATE_GLOBAL_PER_MINUTE: '30' })).toEqual({
      perUser: 3,
      global: 30,
    });
  });

  it('refuses values that would switch the limit off', () => {
    for (const value of ['0', '-1', 'many', '1.5'])
      expect(() => submitLimits({ SUBMIT_RATE_PER_MINUTE: value }), value).toThrow(/SUBMIT_RATE_PER_MINUTE/);
  });
});
