// Isomorphic: the sign-in page reads it on the server, links build it in the browser, proxy.ts names the
// requested path for the server's redirects.

const base = 'http://certdesk.invalid';

/**
 * Where to go after signing in: a path on this site only, so a crafted link cannot send users away.
 * Judged as browsers will read it (they drop tabs and newlines and treat `\` as `/`, so `/\t/evil.example`
 * is `//evil.example`): anything that resolves off this origin becomes '/'. Answers the normalized path.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}

/** The sign-in page, asking for a fresh sign-in (`reauth`) and coming back to `next` afterwards. */
export function loginUrl(next: string, reauth: boolean): string {
  const query = new URLSearchParams({ ...(reauth ? { reauth: '1' } : {}), next: safeNext(next) });
  return `/login?${query.toString()}`;
}

/** The pages sign-in goes through before CertDesk opens: the sign-in page and the two steps it may ask for. */
export type AuthStep = '/login' | '/change-password' | '/two-factor';

/**
 * The auth step's page, going on to `next` once it is done: a user who followed a link keeps it through
 * sign-in, choosing a password and enrolling a second factor. An off-site `next` means the overview, and
 * the plain page.
 */
export function authStepUrl(step: AuthStep, next: string | null | undefined): string {
  const target = safeNext(next);
  return target === '/' ? step : `${step}?${new URLSearchParams({ next: target }).toString()}`;
}

/** The request header proxy.ts sets to the requested path and query: layouts and pages see no URL. */
export const requestedPathHeader = 'x-certdesk-path';

/**
 * Where a signed-out visitor of a page is sent: the sign-in page, coming back afterwards to the path
 * named by `headers` (set by proxy.ts). A missing or off-site path means the overview, and plain /login.
 */
export function signInUrlFor(headers: Headers): string {
  return authStepUrl('/login', headers.get(requestedPathHeader));
}
