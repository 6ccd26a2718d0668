import 'server-only';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { AuthConfigError, getAuthConfig } from '@/lib/auth/config';
import { ConfigError, getConfig } from '@/lib/config';
import { startTracker } from '@/lib/tracker';

/**
 * Every problem with the server's settings, TSB and sign-in (secret, URL, demo mode, OIDC/SSO, MFA roles)
 * alike, as one ConfigError; null when there is none. `signIn: false` checks the TSB settings only.
 */
export function configurationError({ signIn }: { signIn: boolean }): ConfigError | null {
  const problems: string[] = [];
  const collect = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      if (error instanceof ConfigError || error instanceof AuthConfigError) problems.push(...error.problems);
      else throw error;
    }
  };
  collect(getConfig);
  if (signIn) collect(getAuthConfig);
  return problems.length > 0 ? new ConfigError(problems) : null;
}

/**
 * Server start (Node runtime only): a bad configuration stops the process with one message listing every
 * problem; then the one tracker starts following open requests on the TSB. Sign-in settings are checked
 * when serving, not while building (a build needs no sign-in secret), so a bad one no longer waits for
 * the first visitor to surface.
 */
export function startServer(): void {
  const building = process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
  const error = configurationError({ signIn: !building });
  if (error) {
    console.error(`\n${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
  // Building pre-renders pages in worker processes; none of them should poll the TSB.
  if (building) return;
  startTracker();
}
