import { describe, expect, it } from 'vitest';
import { openIntents } from './completeness';
import { canonicalJson, type AuditRecord } from './hash';

const at = (minutesAgo: number) => new Date(Date.UTC(2026, 0, 1, 12, 0) - minutesAgo * 60_000).toISOString();
const now = Date.UTC(2026, 0, 1, 12, 0);

function row(seq: number, action: string, details: Record<string, unknown>, minutesAgo: number): AuditRecord {
  return {
    seq,
    at: at(minutesAgo),
    actor_id: null,
    actor_email: null,
    actor_role: null,
    action,
    target: null,
    outcome: 'success',
    csr_sha256: null,
    details: canonicalJson(details),
    prev_hash: '',
    hash: '',
  };
}

describe('openIntents', () => {
  it('lists intents older than the grace period that no outcome followed', () => {
    const rows = [
      row(1, 'request.submit.intent', { attempt: 'a' }, 10),
      row(2, 'request.submit', { attempt: 'a', status: 'PENDING' }, 10),
      row(3, 'request.cancel.intent', { attempt: 'b' }, 5),
      row(4, 'auth.sign_in', {}, 4),
      row(5, 'certificate.download.intent', { attempt: 'c' }, 0.5),
    ];
    expect(openIntents(rows, now)).toEqual([{ seq: 3, action: 'request.cancel', at: at(5) }]);
    expect(openIntents(rows, now, 0).map((intent) => intent.seq)).toEqual([3, 5]);
  });

  it('skips records whose details are not JSON', () => {
    expect(openIntents([{ ...row(1, 'x.intent', {}, 5), details: '{' }], now)).toEqual([]);
  });
});
