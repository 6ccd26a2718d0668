import { describe, expect, it } from 'vitest';
import { changePasswordUrl, loginUrl, requestedPathHeader, safeNext, signInUrlFor } from './next-path';

describe('safeNext', () => {
  it.each(['/requests/new', '/requests?status=PENDING', '/certificates/abc#pem', '/'])(
    'keeps the path %s',
    (path) => {
      expect(safeNext(path)).toBe(path);
    },
  );

  it.each([
    undefined,
    null,
    '',
    'requests',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    'javascript:alert(1)',
  ])('sends %j home instead of off-site', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('keeps encoded slashes as a path on this site', () => {
    expect(safeNext('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

describe('loginUrl', () => {
  it('asks for a fresh sign-in and comes back to the page', () => {
    expect(loginUrl('/requests/new', true)).toBe('/login?reauth=1&next=%2Frequests%2Fnew');
    expect(loginUrl('//evil.example', false)).toBe('/login?next=%2F');
  });
});

describe('changePasswordUrl', () => {
  it('goes on to the page the user was going to', () => {
    expect(changePasswordUrl('/approvals')).toBe('/change-password?next=%2Fapprovals');
    expect(changePasswordUrl('/requests?status=PENDING')).toBe(
      '/change-password?next=%2Frequests%3Fstatus%3DPENDING',
    );
  });

  it('is the plain page for the overview, a missing target or an off-site one', () => {
    for (const next of [
      '/',
      undefined,
      null,
      '',
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
    ]) {
      expect(changePasswordUrl(next), String(next)).toBe('/change-password');
    }
  });
});

describe('signInUrlFor', () => {
  const requested = (path?: string) => new Headers(path === undefined ? {} : { [requestedPathHeader]: path });

  it('comes back to the requested page and its query', () => {
    expect(signInUrlFor(requested('/approvals'))).toBe('/login?next=%2Fapprovals');
    expect(signInUrlFor(requested('/requests?status=PENDING'))).toBe(
      '/login?next=%2Frequests%3Fstatus%3DPENDING',
    );
  });

  it('sends to a plain sign-in page for the overview, a missing path or an off-site one', () => {
    for (const path of ['/', undefined, '', '//evil.example/', '/\\evil.example', 'https://evil.example/']) {
      expect(signInUrlFor(requested(path)), String(path)).toBe('/login');
    }
  });
});
