import 'server-only';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { ConfigError, getConfig } from '@/lib/config';
import { startTracker } from '@/lib/tracker';

/**
 * Server start (Node runtime only): a bad configuration stops the process with one message listing every
 * problem; then the one tracker starts following open requests on the TSB.
 */
export function startServer(): void {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }
  // Building pre-renders pages in worker processes; none of them should poll the TSB.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  startTracker();
}
