import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSimulator, createTsbHandlers, DEMO_API_KEY, type Simulator } from '@/mocks/tsb';

export const TSB_TEST_URL = 'http://tsb.test';

/**
 * Runs the TSB simulator in process for a test file (MSW setupServer, unhandled requests are errors) and
 * points lib/config at it. Returns a holder whose `sim` is ready inside tests.
 */
export function startSimulator(env: Record<string, string> = {}) {
  const holder = { sim: undefined as unknown as Simulator, server: setupServer() };
  beforeAll(async () => {
    Object.assign(process.env, {
      TSB_URL: TSB_TEST_URL,
      TSB_API_KEY: DEMO_API_KEY,
      TSB_TIMEOUT_MS: '5000',
      ...env,
    });
    holder.sim = await createSimulator();
    holder.server.resetHandlers(...createTsbHandlers(holder.sim));
    holder.server.listen({ onUnhandledRequest: 'error' });
  });
  // Drops the overrides a test added with server.use(); the simulator's handlers stay.
  afterEach(() => holder.server.resetHandlers());
  afterAll(() => holder.server.close());
  return holder;
}
