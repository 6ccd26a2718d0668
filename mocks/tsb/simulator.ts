import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { demoApprovers } from './approvers';
import { seedKeyRecords } from './seed';
import type { Credentials, Simulator } from './state';

/** The credential a simulator accepts when none is configured: `X-API-KEY: certdesk-demo-key`. */
export const DEMO_API_KEY = 'certdesk-demo-key';

export interface SimulatorOptions {
  /** Accepted in `X-API-KEY`. */
  apiKey?: string;
  /** Accepted in `Authorization: Bearer …`. */
  bearerToken?: string;
  /** The clock requests are timed by (timelock, timeout, timestamps); `advance` moves it on. */
  now?: () => Date;
  /** Create the demo keys (default true). */
  seed?: boolean;
}

let attestationKey: KeyObject | undefined;

/** A simulator with its own state; with `seed` (default) it holds the demo keys. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.now ?? (() => new Date());
  let offsetMs = 0;
  const counts = new Map<string, number>();
  const credentials: Credentials =
    options.apiKey || options.bearerToken
      ? { apiKey: options.apiKey, bearerToken: options.bearerToken }
      : { apiKey: DEMO_API_KEY };
  attestationKey ??= generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;

  const sim: Simulator = {
    keys: new Map(),
    requests: new Map(),
    approvers: demoApprovers,
    credentials,
    attestationKey,
    now: () => new Date(clock().getTime() + offsetMs),
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
    count: (endpoint) => {
      counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
    },
    stats: () => Object.fromEntries(counts),
    reset: () => counts.clear(),
  };
  if (options.seed !== false) {
    for (const key of await seedKeyRecords(sim.approvers, sim.now())) sim.keys.set(key.label, key);
  }
  return sim;
}
