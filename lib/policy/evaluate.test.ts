import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateApproval, isApproved, isRejected, policyApproverKeys } from './index';
import type { Approval, Group, Rule } from './schema';

const [alice, bob, carol, dave] = ['MFkwEwYHAlice', 'MFkwEwYHBob', 'MFkwEwYHCarol', 'MFkwEwYHDave'] as const;
const none = { approvedBy: [], rejectedBy: [] };

const key = (name: string, value: string): Approval => ({ type: 'public_key', name, value });
const group = (name: string, quorum: number, approvals: Approval[]): Group => ({ name, quorum, approvals });
const rule = (...tokens: { name: string; groups: Group[] }[]): Rule => ({
  tokens: tokens.map((t) => ({ ...t, timelock: 0, timeout: 0 })),
});

const twoOfThree = rule({
  name: 'Token1',
  groups: [group('Officers', 2, [key('Alice', alice), key('Bob', bob), key('Carol', carol)])],
});

describe('evaluateApproval', () => {
  it('needs two of three approvals in a 2-of-3 group', () => {
    const one = evaluateApproval(twoOfThree, { approvedBy: [alice], rejectedBy: [] });
    expect(one.tokens[0]?.groups[0]).toMatchObject({
      approved: 1,
      rejected: 0,
      satisfied: false,
      reachable: true,
    });
    expect(isApproved(one)).toBe(false);

    const two = evaluateApproval(twoOfThree, { approvedBy: [alice, carol], rejectedBy: [] });
    expect(two.tokens[0]).toMatchObject({ satisfied: true, reachable: true });
    expect(two.tokens[0]?.groups[0]?.approvers.map((a) => [a.name, a.state])).toEqual([
      ['Alice', 'approved'],
      ['Bob', 'awaited'],
      ['Carol', 'approved'],
    ]);
    expect(isApproved(two)).toBe(true);
  });

  it('makes a group unreachable once too many approvers rejected', () => {
    const oneRejection = evaluateApproval(twoOfThree, { approvedBy: [], rejectedBy: [bob] });
    expect(oneRejection.tokens[0]?.groups[0]).toMatchObject({ rejected: 1, reachable: true });
    expect(isRejected(oneRejection)).toBe(false);

    const twoRejections = evaluateApproval(twoOfThree, { approvedBy: [alice], rejectedBy: [bob, carol] });
    expect(twoRejections.tokens[0]?.groups[0]).toMatchObject({ approved: 1, rejected: 2, reachable: false });
    expect(twoRejections.tokens[0]?.reachable).toBe(false);
    expect(isRejected(twoRejections)).toBe(true);
    expect(isApproved(twoRejections)).toBe(false);
  });

  it('ANDs the groups of a token', () => {
    const both = rule({
      name: 'Token1',
      groups: [group('Security', 1, [key('Alice', alice)]), group('Finance', 1, [key('Bob', bob)])],
    });
    const onlySecurity = evaluateApproval(both, { approvedBy: [alice], rejectedBy: [] });
    expect(onlySecurity.tokens[0]?.groups.map((g) => g.satisfied)).toEqual([true, false]);
    expect(isApproved(onlySecurity)).toBe(false);
    expect(isApproved(evaluateApproval(both, { approvedBy: [alice, bob], rejectedBy: [] }))).toBe(true);
    expect(isRejected(evaluateApproval(both, { approvedBy: [alice], rejectedBy: [bob] }))).toBe(true);
  });

  it('ORs the tokens of a rule', () => {
    const either = rule(
      { name: 'Day', groups: [group('Day shift', 2, [key('Alice', alice), key('Bob', bob)])] },
      { name: 'Night', groups: [group('Night shift', 1, [key('Carol', carol), key('Dave', dave)])] },
    );
    const night = evaluateApproval(either, { approvedBy: [dave], rejectedBy: [] });
    expect(night.tokens.map((t) => t.satisfied)).toEqual([false, true]);
    expect(isApproved(night)).toBe(true);

    const dayBlocked = evaluateApproval(either, { approvedBy: [], rejectedBy: [alice] });
    expect(dayBlocked.tokens.map((t) => t.reachable)).toEqual([false, true]);
    expect(isRejected(dayBlocked)).toBe(false);
    expect(isRejected(evaluateApproval(either, { approvedBy: [], rejectedBy: [alice, carol, dave] }))).toBe(
      true,
    );
  });

  it('ignores whitespace and line breaks in keys on both sides', () => {
    const wrapped = rule({ name: 'T', groups: [group('G', 1, [key('Alice', ' MFkwEw\nYHAlice \r\n')])] });
    const view = evaluateApproval(wrapped, { approvedBy: ['MFkw EwYH\tAlice'], rejectedBy: [] });
    expect(view.tokens[0]?.groups[0]?.approvers[0]).toEqual({
      name: 'Alice',
      publicKey: alice,
      state: 'approved',
    });
  });

  it('matches a certificate approval by the key inside the certificate', () => {
    const fixture = JSON.parse(readFileSync('mocks/fixtures/seed-import-request.json', 'utf8')) as {
      certificate: string;
    };
    const spki = new X509Certificate(Buffer.from(fixture.certificate, 'base64')).publicKey
      .export({ type: 'spki', format: 'der' })
      .toString('base64');
    const byCertificate = rule({
      name: 'T',
      groups: [group('G', 1, [{ type: 'certificate', value: fixture.certificate }])],
    });
    const view = evaluateApproval(byCertificate, { approvedBy: [spki], rejectedBy: [] });
    expect(view.tokens[0]?.groups[0]?.approvers[0]).toEqual({
      name: 'Approver-Intermediate-SUB',
      publicKey: spki,
      state: 'approved',
    });
    expect(isApproved(view)).toBe(true);
  });

  it('keeps onboarded approvers awaited and names nameless ones', () => {
    const onboarded = rule({
      name: 'T',
      groups: [
        group('G', 1, [
          { type: 'onboarded_approver_certificate', name: 'officer1@example.com' },
          { type: 'public_key', value: bob },
          { type: 'certificate', value: 'not base64!' },
        ]),
      ],
    });
    const view = evaluateApproval(onboarded, { approvedBy: [alice], rejectedBy: [] });
    expect(view.tokens[0]?.groups[0]?.approvers).toEqual([
      { name: 'officer1@example.com', publicKey: null, state: 'awaited' },
      { name: 'Unnamed approver', publicKey: bob, state: 'awaited' },
      { name: 'Unnamed approver', publicKey: null, state: 'awaited' },
    ]);
  });

  it('treats a token without groups as satisfied and no rule as no tokens', () => {
    const open = evaluateApproval(
      { tokens: [{ name: 'Open', timelock: 0, timeout: 0, groups: null }] },
      none,
    );
    expect(open.tokens[0]).toMatchObject({ satisfied: true, reachable: true, groups: [] });
    expect(isApproved(open)).toBe(true);
    for (const empty of [null, undefined, { tokens: null }]) {
      const view = evaluateApproval(empty, none);
      expect(view).toEqual({ tokens: [] });
      expect(isApproved(view)).toBe(false);
      expect(isRejected(view)).toBe(false);
    }
  });
});

describe('policyApproverKeys', () => {
  it('flattens every approver once', () => {
    const overlapping = rule(
      { name: 'A', groups: [group('G1', 1, [key('Alice', alice), key('Bob', bob)])] },
      {
        name: 'B',
        groups: [
          group('G2', 1, [
            key('Alice again', `${alice}\n`),
            { type: 'onboarded_approver_certificate', name: 'o@x.ch' },
          ]),
          group('G3', 1, [{ type: 'onboarded_approver_certificate', name: 'o@x.ch' }]),
        ],
      },
    );
    expect(policyApproverKeys(overlapping)).toEqual([
      { name: 'Alice', publicKey: alice },
      { name: 'Bob', publicKey: bob },
      { name: 'o@x.ch', publicKey: null },
    ]);
    expect(policyApproverKeys(null)).toEqual([]);
  });
});
