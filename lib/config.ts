import 'server-only';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseAuditKey } from '@/lib/audit/key';
import { defaultIntervals, parseIntervals, type IntervalStep } from '@/lib/tracker/schedule';

// Server configuration, read from the environment once. The TSB credential lives here and in lib/tsb
// only; nothing here is ever prefixed NEXT_PUBLIC_.

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

// The audit chain's HMAC key: base64 of at least 32 bytes (lib/audit/key.ts), or unset for a plain chain.
const auditEnvSchema = z.object({
  AUDIT_HMAC_KEY: optionalString.transform((text, ctx) => {
    if (text === undefined) return null;
    const parsed = parseAuditKey(text);
    if ('key' in parsed) return parsed.key;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  }),
});

const envSchema = z.object({
  ...auditEnvSchema.shape,
  TSB_URL: z.url({
    protocol: /^https?$/,
    error: 'must be an http(s) URL, e.g. https://rest-api.cloudshsm.com',
  }),
  TSB_API_KEY: optionalString,
  TSB_BEARER_TOKEN: optionalString,
  TSB_CLIENT_CERT: optionalString,
  TSB_CLIENT_KEY: optionalString,
  TSB_CA_CERT: optionalString,
  TSB_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  USER_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(14_000),
  TSB_SIMULATOR_APP_URL: optionalString.pipe(z.url().optional()),
  TRACKER_ENABLED: z.stringbool().default(true),
  TRACKER_INTERVALS: z
    .string()
    .default(defaultIntervals)
    .transform((text, ctx) => {
      const parsed = parseIntervals(text);
      if ('steps' in parsed) return parsed.steps;
      ctx.addIssue({ code: 'custom', message: `${parsed.problem} (e.g. ${defaultIntervals})` });
      return z.NEVER;
    }),
  TRACKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  TRACKER_READS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),
  EVENTS_MAX_STREAMS: z.coerce.number().int().min(1).max(10_000).default(200),
});

type Environment = Record<string, string | undefined>;

// Checks across variables, run even when a single variable is bad so that one message lists everything.
function credentialProblems(env: Environment): string[] {
  const set = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  if (!set('TSB_API_KEY') && !set('TSB_BEARER_TOKEN') && !set('TSB_CLIENT_CERT')) {
    problems.push('TSB_API_KEY: set TSB_API_KEY, TSB_BEARER_TOKEN or TSB_CLIENT_CERT + TSB_CLIENT_KEY');
  }
  if (set('TSB_CLIENT_CERT') !== set('TSB_CLIENT_KEY')) {
    problems.push('TSB_CLIENT_KEY: TSB_CLIENT_CERT and TSB_CLIENT_KEY go together');
  }
  return problems;
}

export type TsbConfig = {
  url: string;
  apiKey?: string;
  bearerToken?: string;
  tls?: { cert: string; key: string; ca?: string };
  timeoutMs: number;
  /** One time limit for all the TSB calls a user's request makes (a submit makes up to three). */
  userDeadlineMs: number;
};

export type TrackerConfig = {
  enabled: boolean;
  intervals: IntervalStep[];
  concurrency: number;
  /** Ceiling of TSB status reads the tracker starts in any one second. */
  readsPerSecond: number;
  /** Concurrent Server-Sent Event streams this process serves before answering 503. */
  maxStreams: number;
};

export type AuditConfig = {
  /** AUDIT_HMAC_KEY: records are chained with HMAC-SHA-256 under it when set. Never logged or sent. */
  hmacKey: KeyObject | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`CertDesk configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readPemFile(variable: string, path: string, problems: string[]): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    problems.push(`${variable}: cannot read file ${path}`);
    return '';
  }
}

/** Parses `env`; throws one ConfigError that lists every bad variable. */
export function parseConfig(env: Environment): {
  tsb: TsbConfig;
  tracker: TrackerConfig;
  audit: AuditConfig;
  simulatorAppUrl: string | null;
} {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.error?.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`) ?? []),
    ...credentialProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const tls =
    e.TSB_CLIENT_CERT && e.TSB_CLIENT_KEY
      ? {
          cert: readPemFile('TSB_CLIENT_CERT', e.TSB_CLIENT_CERT, problems),
          key: readPemFile('TSB_CLIENT_KEY', e.TSB_CLIENT_KEY, problems),
          ca: e.TSB_CA_CERT ? readPemFile('TSB_CA_CERT', e.TSB_CA_CERT, problems) : undefined,
        }
      : undefined;
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    tsb: {
      url: e.TSB_URL.replace(/\/+$/, ''),
      apiKey: e.TSB_API_KEY,
      bearerToken: e.TSB_BEARER_TOKEN,
      tls,
      timeoutMs: e.TSB_TIMEOUT_MS,
      userDeadlineMs: e.USER_DEADLINE_MS,
    },
    tracker: {
      enabled: e.TRACKER_ENABLED,
      intervals: e.TRACKER_INTERVALS,
      concurrency: e.TRACKER_CONCURRENCY,
      readsPerSecond: e.TRACKER_READS_PER_SECOND,
      maxStreams: e.EVENTS_MAX_STREAMS,
    },
    audit: { hmacKey: e.AUDIT_HMAC_KEY },
    simulatorAppUrl: e.TSB_SIMULATOR_APP_URL ?? null,
  };
}

let cached: ReturnType<typeof parseConfig> | undefined;

export function getConfig(): ReturnType<typeof parseConfig> {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Parses the audit settings of `env` alone; throws a ConfigError naming AUDIT_HMAC_KEY when it is bad. */
export function parseAuditConfig(env: Environment): AuditConfig {
  const parsed = auditEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { hmacKey: parsed.data.AUDIT_HMAC_KEY };
}

let auditCached: AuditConfig | undefined;

/**
 * The audit settings, read once. Apart from getConfig() so that the audit log, which every action
 * writes to, does not depend on the TSB settings; the server's start checks both together.
 */
export function getAuditConfig(): AuditConfig {
  auditCached ??= parseAuditConfig(process.env);
  return auditCached;
}

/** Forgets the audit settings read, so the next getAuditConfig() reads them again (tests). */
export function resetAuditConfig(): void {
  auditCached = undefined;
}

/** The simulated Authorization App's URL (demo only), or null against a real TSB. */
export function getSimulatorAppUrl(): string | null {
  try {
    return getConfig().simulatorAppUrl;
  } catch {
    return null;
  }
}
