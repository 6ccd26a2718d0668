import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseAuditConfig, parseConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('lists every bad variable in one error', () => {
    const problems = problemsOf({ TSB_URL: 'ftp://tsb', TSB_TIMEOUT_MS: 'soon', TSB_CLIENT_CERT: '/x.pem' });
    expect(problems.join('\n')).toMatch(/TSB_URL/);
    expect(problems.join('\n')).toMatch(/TSB_TIMEOUT_MS/);
    expect(problems.join('\n')).toMatch(/TSB_CLIENT_KEY/);
  });

  it('requires a credential', () => {
    expect(problemsOf({ TSB_URL: 'https://tsb.example' }).join('\n')).toMatch(/TSB_API_KEY/);
  });

  it('reads a valid environment and drops a trailing slash', () => {
    const config = parseConfig({ TSB_URL: 'https://tsb.example/', TSB_API_KEY: 'k', TSB_BEARER_TOKEN: '' });
    expect(config.tsb).toEqual({
      url: 'https://tsb.example',
      apiKey: 'k',
      bearerToken: undefined,
      tls: undefined,
      timeoutMs: 10_000,
      userDeadlineMs: 14_000,
    });
    expect(config.simulatorAppUrl).toBeNull();
  });

  it('names an mTLS file it cannot read', () => {
    const problems = problemsOf({
      TSB_URL: 'https://tsb.example',
      TSB_CLIENT_CERT: '/nope/c.pem',
      TSB_CLIENT_KEY: '/nope/k.pem',
    });
    expect(problems).toEqual([
      'TSB_CLIENT_CERT: cannot read file /nope/c.pem',
      'TSB_CLIENT_KEY: cannot read file /nope/k.pem',
    ]);
  });

  it('reads the tracker settings and names a bad interval list', () => {
    const base = { TSB_URL: 'https://tsb.example', TSB_API_KEY: 'k' };
    expect(parseConfig(base).tracker).toMatchObject({
      enabled: true,
      concurrency: 4,
      readsPerSecond: 20,
      maxStreams: 200,
    });
    expect(parseConfig({ ...base, TRACKER_READS_PER_SECOND: '5' }).tracker.readsPerSecond).toBe(5);
    expect(problemsOf({ ...base, TRACKER_READS_PER_SECOND: '0' }).join('\n')).toMatch(
      /TRACKER_READS_PER_SECOND/,
    );
    expect(
      parseConfig({ ...base, TRACKER_ENABLED: 'false', TRACKER_INTERVALS: '10s' }).tracker,
    ).toMatchObject({
      enabled: false,
      intervals: [{ below: Infinity, every: 10_000 }],
    });
    expect(problemsOf({ ...base, TRACKER_INTERVALS: '2m=soon,30s' }).join('\n')).toMatch(
      /TRACKER_INTERVALS: "2m=soon"/,
    );
  });
});

describe('AUDIT_HMAC_KEY', () => {
  const base = { TSB_URL: 'https://tsb.example', TSB_API_KEY: 'k' };

  it('is off when unset or empty', () => {
    expect(parseConfig(base).audit.hmacKey).toBeNull();
    expect(parseAuditConfig({ AUDIT_HMAC_KEY: ' ' }).hmacKey).toBeNull();
  });

  it('reads base64 of at least 32 bytes into a key that never prints its bytes', () => {
    const bytes = randomBytes(48);
    const text = bytes.toString('base64');
    const { hmacKey } = parseConfig({ ...base, AUDIT_HMAC_KEY: `${text}\n` }).audit;
    expect(hmacKey?.export().equals(bytes)).toBe(true);
    const config = parseConfig({ ...base, AUDIT_HMAC_KEY: text });
    expect(inspect(config, { depth: 10 })).not.toContain(text);
    expect(JSON.stringify(config)).not.toContain(text);
    expect(inspect(config, { depth: 10 })).not.toContain(bytes.toString('hex'));
  });

  it('names a short, hex or unreadable key among the other problems, without its value', () => {
    const cases = [
      [randomBytes(31).toString('base64'), /AUDIT_HMAC_KEY: must be at least 32 bytes/],
      [randomBytes(32).toString('hex'), /AUDIT_HMAC_KEY: must be base64/],
      ['not a key at all!', /AUDIT_HMAC_KEY: must be base64/],
    ] as const;
    for (const [value, message] of cases) {
      const problems = problemsOf({ TSB_URL: 'ftp://tsb', AUDIT_HMAC_KEY: value }).join('\n');
      expect(problems).toMatch(message);
      expect(problems).toMatch(/TSB_URL/);
      expect(problems).not.toContain(value);
      expect(() => parseAuditConfig({ AUDIT_HMAC_KEY: value })).toThrow(message);
    }
  });
});
