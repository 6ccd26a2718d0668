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

/**
 * The first-password page, going on to `next` once the one-time password is replaced: invited users keep
 * the link they followed. An off-site `next` means the overview, and plain /change-password.
 */
export function changePasswordUrl(next: string | null | undefined): string {
  const target = safeNext(next);
  return target === '/'
    ? '/change-password'
    : `/change-password?${new URLSearchParams({ next: target }).toString()}`;
}

/** The request header proxy.ts sets to the requested path and query: layouts and pages see no URL. */
export const requestedPathHeader = 'x-certdesk-path';

/**
 * Where a signed-out visitor of a page is sent: the sign-in page, coming back afterwards to the path
 * named by `headers` (set by proxy.ts). A missing or off-site path means the overview, and plain /login.
 */
export function signInUrlFor(headers: Headers): string {
  const next = safeNext(headers.get(requestedPathHeader));
  return next === '/' ? '/login' : loginUrl(next, false);
}
