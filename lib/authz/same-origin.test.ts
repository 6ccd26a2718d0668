import { afterEach, describe, expect, it, vi } from 'vitest';
import { appOrigin, crossOriginReason, mediaType } from './same-origin';
import { actors } from './test-support';

const post = (url: string, headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

afterEach(() => vi.unstubAllEnvs());

describe('appOrigin', () => {
  it('is APP_ORIGIN when set, whatever the request says', () => {
    vi.stubEnv('APP_ORIGIN', 'https://certdesk.example.com/');
    expect(
      appOrigin(
        post('http://127.0.0.1:3000/api/requests', {
          host: 'evil.example',
          'x-forwarded-host': 'evil.example',
        }),
      ),
    ).toBe('https://certdesk.example.com');
  });

  it('is otherwise the scheme and host the request was addressed to, as a proxy forwards them', () => {
    expect(appOrigin(post('http://127.0.0.1:3000/x', {}))).toBe('http://127.0.0.1:3000');
    expect(appOrigin(post('http://127.0.0.1:3000/x', { host: 'CertDesk.example:8443' }))).toBe(
      'http://certdesk.example:8443',
    );
    expect(
      appOrigin(
        post('http://127.0.0.1:3000/x', {
          'x-forwarded-proto': 'https, http',
          'x-forwarded-host': 'certdesk.example, proxy',
        }),
      ),
    ).toBe('https://certdesk.example');
  });
});

describe('crossOriginReason', () => {
  const ours = 'http://certdesk.test';
  it.each([
    [{ origin: ours }, null],
    [{ origin: ours, 'sec-fetch-site': 'same-origin' }, null],
    [{ origin: ours, 'sec-fetch-site': 'cross-site' }, 'cross_site'],
    [{}, 'origin_missing'],
    [{ origin: 'null' }, 'origin_null'],
    [{ origin: 'http://certdesk.test.evil.example' }, 'origin_mismatch'],
    [{ origin: 'http://sub.certdesk.test' }, 'origin_mismatch'],
  ])('%o → %s', (headers, reason) => {
    expect(crossOriginReason(post(`${ours}/api/requests`, headers), actors.operator)).toBe(reason);
  });

  it('lets a personal API token omit Origin, and nothing else', () => {
    const token = { ...actors.operator, via: 'token' as const };
    expect(crossOriginReason(post(`${ours}/api/requests`, {}), token)).toBeNull();
    expect(crossOriginReason(post(`${ours}/api/requests`, {}), null)).toBe('origin_missing');
    expect(crossOriginReason(post(`${ours}/api/requests`, { 'sec-fetch-site': 'cross-site' }), token)).toBe(
      'cross_site',
    );
  });
});

it('reads the media type without parameters or case', () => {
  expect(mediaType(post('http://x.test', { 'content-type': 'Application/JSON; charset=utf-8' }))).toBe(
    'application/json',
  );
  expect(mediaType(post('http://x.test', {}))).toBe('');
});
