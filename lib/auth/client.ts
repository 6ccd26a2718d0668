import { useSyncExternalStore } from 'react';
import { createAuthClient } from 'better-auth/client';
import { twoFactorClient } from 'better-auth/client/plugins';

// The browser's side of sign-in: better-auth's client for /api/auth. Never imports server modules.

export const authClient = createAuthClient({ plugins: [twoFactorClient()] });

const noSubscription = () => () => {};

/**
 * False until the page is hydrated. Sign-in forms stay disabled until then: submitted natively, they would
 * put the password in a URL.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Starts single sign-on: the browser leaves for the identity provider and comes back signed in. */
export async function signInWithSso(callbackURL: string): Promise<string | null> {
  const { data, error } = await authClient.signIn.social({
    provider: 'sso',
    callbackURL,
    errorCallbackURL: '/login?sso=failed',
    disableRedirect: true,
  });
  if (error || !data?.url) return error?.message ?? 'Single sign-on is not available right now.';
  window.location.assign(data.url);
  return null;
}
