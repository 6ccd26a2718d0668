import { describe, expect, it } from 'vitest';
import { approvalDeadlines } from './index';
import type { Rule } from './schema';

const createdAt = new Date('2024-01-23T11:00:00Z');
const rule = (...tokens: [timelock: number, timeout: number][]): Rule => ({
  tokens: tokens.map(([timelock, timeout], i) => ({ name: `T${i}`, timelock, timeout, groups: [] })),
});

describe('approvalDeadlines', () => {
  it('counts timelock and timeout from request creation', () => {
    expect(approvalDeadlines(rule([120, 600]), createdAt)).toEqual({
      timelockEndsAt: new Date('2024-01-23T11:02:00Z'),
      expiresAt: new Date('2024-01-23T11:10:00Z'),
    });
  });

  it('treats 0 as none', () => {
    expect(approvalDeadlines(rule([0, 0]), createdAt)).toEqual({ timelockEndsAt: null, expiresAt: null });
  });

  it('takes the latest timeout and the earliest timelock across tokens', () => {
    expect(approvalDeadlines(rule([300, 600], [60, 3600]), createdAt)).toEqual({
      timelockEndsAt: new Date('2024-01-23T11:01:00Z'),
      expiresAt: new Date('2024-01-23T12:00:00Z'),
    });
  });

  it('never expires when one token has no timeout, and has no timelock when one token has none', () => {
    expect(approvalDeadlines(rule([300, 600], [0, 0]), createdAt)).toEqual({
      timelockEndsAt: null,
      expiresAt: null,
    });
  });

  it('stops the timeout once approved but keeps the timelock', () => {
    expect(approvalDeadlines(rule([600, 1200]), createdAt, new Date('2024-01-23T11:05:00Z'))).toEqual({
      timelockEndsAt: new Date('2024-01-23T11:10:00Z'),
      expiresAt: null,
    });
  });

  it('has no deadlines without a rule', () => {
    expect(approvalDeadlines(null, createdAt)).toEqual({ timelockEndsAt: null, expiresAt: null });
    expect(approvalDeadlines({ tokens: [] }, createdAt, null)).toEqual({
      timelockEndsAt: null,
      expiresAt: null,
    });
  });
});
