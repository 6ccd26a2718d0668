// Isomorphic: the sign-in page reads it on the server, links build it in the browser.

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
