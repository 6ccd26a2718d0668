import { describe, expect, it } from 'vitest';
import { backoffFor, defaultIntervals, intervalFor, nextCheckAt, parseIntervals } from './schedule';

const steps = (text: string) => {
  const parsed = parseIntervals(text);
  if (!('steps' in parsed)) throw new Error(parsed.problem);
  return parsed.steps;
};

describe('tracker intervals', () => {
  it('reads the default steps: 0.5 s under 1 min, 1 s under 2 min, 3 s under 15 min, 10 s under 2 h, then 30 s', () => {
    const defaults = steps(defaultIntervals);
    const ages = [0, 59_999, 60_000, 119_999, 120_000, 899_999, 900_000, 7_199_999, 7_200_000, 1e10];
    expect(ages.map((age) => intervalFor(age, defaults))).toEqual([
      500, 500, 1000, 1000, 3000, 3000, 10_000, 10_000, 30_000, 30_000,
    ]);
  });

  it('accepts one interval for every age, and ms/h units', () => {
    expect(steps('5s')).toEqual([{ below: Infinity, every: 5000 }]);
    expect(steps('1h=500ms,1m')).toEqual([
      { below: 3_600_000, every: 500 },
      { below: Infinity, every: 60_000 },
    ]);
  });

  it('names what is wrong', () => {
    expect(parseIntervals('2m=1s,fast')).toEqual({ problem: '"fast" is not an interval like 30s' });
    expect(parseIntervals('2m,30s')).toEqual({ problem: '"2m" is not a step like 2m=1s' });
    expect(parseIntervals('15m=3s,2m=1s,30s')).toEqual({ problem: '"2m=1s": ages must increase' });
    expect(JSON.stringify(parseIntervals('10ms'))).toMatch(/hammer the TSB/);
  });

  it('checks again just after a timelock ends or a request expires when that comes before the interval', () => {
    const now = Date.parse('2026-01-01T01:00:00Z');
    const createdAt = Date.parse('2026-01-01T00:00:00Z');
    const row = { timelockEndsAt: '2026-01-01T01:00:05Z', expiresAt: null };
    expect(nextCheckAt(row, now, steps(defaultIntervals), createdAt)).toBe(now + 5500);
    const past = { ...row, timelockEndsAt: '2026-01-01T00:30:00Z' };
    expect(nextCheckAt(past, now, steps(defaultIntervals), createdAt)).toBe(now + 10_000);
  });

  it('counts age from the last change, so a request that just moved is read often again', () => {
    const now = Date.parse('2026-01-01T01:00:00Z');
    const row = { timelockEndsAt: null, expiresAt: null };
    expect(nextCheckAt(row, now, steps(defaultIntervals), now - 3_600_000)).toBe(now + 10_000);
    expect(nextCheckAt(row, now, steps(defaultIntervals), now - 1000)).toBe(now + 500);
  });

  it('backs off by doubling, up to five minutes', () => {
    expect([1, 2, 3].map((n) => backoffFor(n, 1000))).toEqual([2000, 4000, 8000]);
    expect(backoffFor(20, 30_000)).toBe(300_000);
  });
});
