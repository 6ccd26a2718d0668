import 'server-only';
import { Agent, fetch as undiciFetch } from 'undici';
import type { z } from 'zod';
import { getConfig, type TsbConfig } from '@/lib/config';
import { tsbErrorBodySchema } from './schemas';

// The one door to the TSB: base URL, credential headers, mTLS, a bounded wait on every call,
// replies parsed with zod, and the TSB's error body turned into a TsbError.

export type TsbErrorKind = 'http' | 'timeout' | 'network' | 'malformed';

export class TsbError extends Error {
  constructor(
    readonly kind: TsbErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly errorCode: number | null = null,
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'TsbError';
  }
}

type Call<S extends z.ZodType> = {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** Reply schema; omit for calls whose reply body is ignored. */
  schema?: S;
};

let agent: { tls: TsbConfig['tls']; dispatcher: Agent } | undefined;

function dispatcherFor(tls: NonNullable<TsbConfig['tls']>): Agent {
  if (agent?.tls !== tls) agent = { tls, dispatcher: new Agent({ connect: { cert: tls.cert, key: tls.key, ca: tls.ca } }) };
  return agent.dispatcher;
}

function headersFor(config: TsbConfig, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (config.apiKey) headers['x-api-key'] = config.apiKey;
  if (config.bearerToken) headers.authorization = `Bearer ${config.bearerToken}`;
  return headers;
}

async function send(config: TsbConfig, path: string, method: string, body: unknown): Promise<Response> {
  const init = {
    method,
    headers: headersFor(config, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(config.timeoutMs),
    redirect: 'error' as const,
  };
  const url = `${config.url}${path}`;
  try {
    if (config.tls) return (await undiciFetch(url, { ...init, dispatcher: dispatcherFor(config.tls) })) as unknown as Response;
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new TsbError('timeout', `The TSB did not answer within ${config.timeoutMs} ms`);
    }
    throw new TsbError('network', 'The TSB could not be reached');
  }
}

async function readJson(response: Response, timeoutMs: number): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new TsbError('timeout', `The TSB did not finish its answer within ${timeoutMs} ms`);
    }
    throw new TsbError('malformed', 'The TSB answered with a body that is not JSON', response.status);
  }
}

function errorFrom(status: number, body: unknown): TsbError {
  const parsed = tsbErrorBodySchema.safeParse(body);
  const detail = parsed.success ? parsed.data : {};
  return new TsbError(
    'http',
    detail.message ?? `The TSB answered HTTP ${status}`,
    status,
    detail.errorCode ?? null,
    detail.reason ?? null,
  );
}

/** Calls the TSB at `path` and returns the reply parsed by `schema`. Throws TsbError on any failure. */
export async function tsbCall<S extends z.ZodType>(path: string, call: Call<S> & { schema: S }): Promise<z.infer<S>>;
export async function tsbCall(path: string, call?: Call<z.ZodType>): Promise<undefined>;
export async function tsbCall(path: string, call: Call<z.ZodType> = {}): Promise<unknown> {
  const { tsb: config } = getConfig();
  const response = await send(config, path, call.method ?? 'GET', call.body);
  const body = await readJson(response, config.timeoutMs);
  if (!response.ok) throw errorFrom(response.status, body);
  if (!call.schema) return undefined;
  const parsed = call.schema.safeParse(body);
  if (!parsed.success) throw new TsbError('malformed', `The TSB's answer to ${path} has an unexpected shape`, response.status);
  return parsed.data;
}
