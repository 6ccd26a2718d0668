import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

// Server configuration, read from the environment once. The TSB credential lives here and in lib/tsb
// only; nothing here is ever prefixed NEXT_PUBLIC_.

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z
  .object({
    TSB_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://rest-api.cloudshsm.com' }),
    TSB_API_KEY: optionalString,
    TSB_BEARER_TOKEN: optionalString,
    TSB_CLIENT_CERT: optionalString,
    TSB_CLIENT_KEY: optionalString,
    TSB_CA_CERT: optionalString,
    TSB_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    TSB_SIMULATOR_APP_URL: optionalString.pipe(z.url().optional()),
  })
  .superRefine((env, ctx) => {
    if (!env.TSB_API_KEY && !env.TSB_BEARER_TOKEN && !env.TSB_CLIENT_CERT) {
      ctx.addIssue({
        code: 'custom',
        path: ['TSB_API_KEY'],
        message: 'set TSB_API_KEY, TSB_BEARER_TOKEN or TSB_CLIENT_CERT + TSB_CLIENT_KEY',
      });
    }
    if (Boolean(env.TSB_CLIENT_CERT) !== Boolean(env.TSB_CLIENT_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['TSB_CLIENT_KEY'], message: 'TSB_CLIENT_CERT and TSB_CLIENT_KEY go together' });
    }
  });

export type TsbConfig = {
  url: string;
  apiKey?: string;
  bearerToken?: string;
  tls?: { cert: string; key: string; ca?: string };
  timeoutMs: number;
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
export function parseConfig(env: NodeJS.ProcessEnv): { tsb: TsbConfig; simulatorAppUrl: string | null } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
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
    },
    simulatorAppUrl: e.TSB_SIMULATOR_APP_URL ?? null,
  };
}

let cached: ReturnType<typeof parseConfig> | undefined;

export function getConfig(): ReturnType<typeof parseConfig> {
  cached ??= parseConfig(process.env);
  return cached;
}

/** The simulated Authorization App's URL (demo only), or null against a real TSB. */
export function getSimulatorAppUrl(): string | null {
  try {
    return getConfig().simulatorAppUrl;
  } catch {
    return null;
  }
}
