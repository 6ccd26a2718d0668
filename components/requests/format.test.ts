import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration } from './format';

const now = Date.parse('2026-11-28T12:00:00Z');
const before = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatAgo', () => {
  it('says "just now" for the first seconds, then minutes, hours and days', () => {
    expect(formatAgo(before(10), now)).toBe('just now');
    expect(formatAgo(before(180), now)).toBe('3 min ago');
    expect(formatAgo(before(2 * 3600), now)).toBe('2 h ago');
    expect(formatAgo(before(86_400), now)).toBe('1 day ago');
    expect(formatAgo(before(4 * 86_400), now)).toBe('4 days ago');
  });

  it('treats a time slightly ahead of the clock as now', () => {
    expect(formatAgo(before(-5), now)).toBe('just now');
  });
});

describe('formatDuration', () => {
  it('pads minutes and seconds', () => {
    expect(formatDuration(3600 + 5 * 60)).toBe('1 h 05 min');
    expect(formatDuration(4 * 60 + 9)).toBe('4 min 09 s');
    expect(formatDuration(12)).toBe('12 s');
  });
});
