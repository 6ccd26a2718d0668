import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCsr } from '../checks';
import { decodeAny } from '../decode-any';
import { malformedCases } from './malformed';

const cases = malformedCases(
  readFileSync('mocks/fixtures/demo-csr-ec-p256.pem', 'utf8'),
  readFileSync('mocks/fixtures/demo-tls-server.pem', 'utf8'),
);

describe('the malformed corpus (SECURITY.md rows 16 and 24)', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, { input, expect: expected }) => {
    const decoded = await decodeAny(input);
    if ('refused' in expected) {
      const reason =
        decoded.kind === 'unknown' ? decoded.error : decoded.result.ok ? '(decoded)' : decoded.result.error;
      expect(reason).toMatch(expected.refused);
      return;
    }
    expect(decoded.kind).toBe('csr');
    if (decoded.kind !== 'csr' || !decoded.result.ok) throw new Error('the request must decode');
    expect(checkCsr(decoded.result.view).map((f) => f.code)).toContain(expected.finding);
  });
});
