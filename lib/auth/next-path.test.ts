import { describe, expect, it } from 'vitest';
import {
  authStepUrl,
  loginUrl,
  requestedPathHeader,
  safeNext,
  signInUrlFor,
  type AuthStep,
} from './next-path';

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

describe('authStepUrl', () => {
  const steps: AuthStep[] = ['/login', '/change-password', '/two-factor'];

  it.each(steps)('%s goes on to the page the user was going to', (step) => {
    expect(authStepUrl(step, '/approvals')).toBe(`${step}?next=%2Fapprovals`);
    expect(authStepUrl(step, '/requests?status=PENDING')).toBe(`${step}?next=%2Frequests%3Fstatus%3DPENDING`);
  });

  it.each(steps)('%s is the plain page for the overview, a missing target or an off-site one', (step) => {
    for (const next of [
      '/',
      undefined,
      null,
      '',
      '//evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example/',
    ]) {
      expect(authStepUrl(step, next), String(next)).toBe(step);
    }
  });

  it('nests one step in another, and each unwraps to a path on this site', () => {
    const url = authStepUrl('/login', authStepUrl('/two-factor', '/requests/abc'));
    expect(url).toBe('/login?next=%2Ftwo-factor%3Fnext%3D%252Frequests%252Fabc');
    const afterSignIn = safeNext(new URL(url, 'http://certdesk.invalid').searchParams.get('next'));
    expect(afterSignIn).toBe('/two-factor?next=%2Frequests%2Fabc');
    expect(safeNext(new URL(afterSignIn, 'http://certdesk.invalid').searchParams.get('next'))).toBe(
      '/requests/abc',
    );
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
