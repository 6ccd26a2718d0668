import 'server-only';
import { closeDb } from '@/lib/db';
import { resetAuth, type Auth } from './server';

// Helpers for specs that sign in against a fresh in-memory database.

/** A fresh database and auth instance; demo mode seeds one user per role. */
export async function freshAuth(env: Record<string, string> = {}): Promise<Auth> {
  await closeDb();
  resetAuth();
  const { resetAuthConfig } = await import('./config');
  resetAuthConfig({ CERTDESK_DEMO: '1', BETTER_AUTH_URL: 'http://127.0.0.1:3100', ...env });
  const { getAuth } = await import('./server');
  return getAuth();
}

/** Request headers carrying the cookies a sign-in response set. */
export function cookieHeaders(response: Headers): Headers {
  const cookies = response
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .filter((pair) => !pair.endsWith('='));
  return new Headers({ cookie: cookies.join('; ') });
}

/** Signs in with e-mail and password; the headers of a browser that holds the session cookie. */
export async function signIn(auth: Auth, email: string, password: string): Promise<Headers> {
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return cookieHeaders(headers);
}
