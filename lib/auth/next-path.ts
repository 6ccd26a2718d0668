/** Where to go after signing in: a path on this site only, so a crafted link cannot send users away. */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}
