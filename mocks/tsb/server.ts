import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer } from '@mswjs/http-middleware';
import { createSimulator, createTsbHandlers, DEMO_API_KEY } from './index';

// The simulator as a standalone HTTP server on loopback (demo, Playwright, manual tries):
//   TSB_SIMULATOR_PORT=8790 npm run simulator
// Credential: TSB_SIMULATOR_API_KEY and/or TSB_SIMULATOR_BEARER_TOKEN, else X-API-KEY certdesk-demo-key.

const port = Number(process.env.TSB_SIMULATOR_PORT || 8790);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`TSB_SIMULATOR_PORT must be a port number, not "${process.env.TSB_SIMULATOR_PORT}"`);
  process.exit(1);
}

const sim = await createSimulator({
  apiKey: process.env.TSB_SIMULATOR_API_KEY || undefined,
  bearerToken: process.env.TSB_SIMULATOR_BEARER_TOKEN || undefined,
});
// An Express app is a plain request listener; typed as one here because express's own types are not installed.
const app = createServer(...createTsbHandlers(sim)) as unknown as RequestListener;
const server = createHttpServer(app);
server.listen(port, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${port}`;
  const credential = sim.credentials.apiKey === DEMO_API_KEY ? ` (X-API-KEY: ${DEMO_API_KEY})` : '';
  console.log(`TSB simulator on ${base}/v1${credential}\nAuthorization App on ${base}/approver`);
});
server.on('error', (error: Error) => {
  console.error(`The TSB simulator could not listen on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
