import { randomBytes } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';

// End-to-end against the real stack: the TSB simulator over HTTP and a production build of the app.
// Browsers cannot be downloaded on these machines, so Debian's Chromium is used (scripts/e2e.ts finds it).

export const simulatorUrl = 'http://127.0.0.1:8790';
export const appUrl = 'http://127.0.0.1:3100';
/** A real OIDC provider for single sign-on (e2e/oidc/provider.ts). */
export const oidcUrl = 'http://127.0.0.1:8795';
/**
 * The app's TSB credential in e2e: a bearer token nothing else uses, so that the security spec and
 * scripts/e2e.ts can look for it in every response and log line. Fixtures keep the demo API key.
 */
const appTsbToken = 'certdesk-e2e-canary-tsb-token-7d41c0';
/**
 * The app's audit key: random per run (the database is in memory, so the key need not outlive it), kept
 * in the environment so that every process loading this file (scripts/e2e.ts, the runner, its workers)
 * sees the same one and the secret scans look for it.
 */
const appAuditKey = (process.env.CERTDESK_E2E_AUDIT_HMAC_KEY ??= randomBytes(32).toString('base64'));

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node --import tsx e2e/oidc/provider.ts',
      url: `${oidcUrl}/.well-known/openid-configuration`,
      env: { OIDC_PROVIDER_PORT: '8795', CERTDESK_URL: 'http://127.0.0.1:3100' },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: 'node --import tsx mocks/tsb/server.ts',
      // /v1 needs the credential; the approver page answers without one.
      url: `${simulatorUrl}/approver`,
      env: {
        TSB_SIMULATOR_PORT: '8790',
        TSB_SIMULATOR_API_KEY: 'certdesk-demo-key',
        TSB_SIMULATOR_BEARER_TOKEN: appTsbToken,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      // A build made beforehand by scripts/e2e.ts; node directly, so stopping it stops the server.
      command: 'node node_modules/next/dist/bin/next start -H 127.0.0.1 -p 3100',
      url: appUrl,
      env: {
        TSB_URL: simulatorUrl,
        TSB_BEARER_TOKEN: appTsbToken,
        TSB_SIMULATOR_APP_URL: `${simulatorUrl}/approver`,
        // The simulator starts empty each run, so the registry must too.
        DATABASE_URL: ':memory:',
        // Demo mode seeds one user per role (e2e/fixtures/auth.ts signs in as them).
        CERTDESK_DEMO: '1',
        BETTER_AUTH_URL: appUrl,
        OIDC_ISSUER: oidcUrl,
        OIDC_CLIENT_ID: 'certdesk-e2e',
        OIDC_CLIENT_SECRET: 'certdesk-e2e-oidc-client-secret',
        // Specs submit in bursts as one operator; the limit itself is covered by lib/api/handler.test.ts.
        SUBMIT_RATE_PER_MINUTE: '120',
        // The audit log is keyed, as on a deployment that sets the key: e2e/audit verifies it.
        AUDIT_HMAC_KEY: appAuditKey,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
});
