// Runs once when the server starts: a bad configuration stops it with one message listing every problem;
// then the one tracker starts following open requests on the TSB.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { PHASE_PRODUCTION_BUILD } = await import('next/constants');
  const { getConfig, ConfigError } = await import('@/lib/config');
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
  const { startTracker } = await import('@/lib/tracker');
  startTracker();
}
