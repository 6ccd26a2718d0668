import 'server-only';
import { Agent, fetch as undiciFetch } from 'undici';
import type { z } from 'zod';
import { getConfig, type TsbConfig } from '@/lib/config';
import { isTransient, TsbError } from './errors';
import { readReply } from './reply';
import { maxAttempts, parseRetryAfter, pause, retryDelayMs } from './retry';
import { tsbErrorBodySchema } from './schemas';

// The one door to the TSB: base URL, credential headers, mTLS, one bounded wait per call (retries of
// idempotent reads included), answers read within a size cap and parsed with zod, and the TSB's error
// body turned into a TsbError that carries none of its free text.

export { TsbError, type TsbErrorKind } from './errors';

type Call<S extends z.ZodType> = {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** Reply schema; omit for calls whose reply body is ignored. */
  schema?: S;
  /**
   * The call only reads, so a transient failure may be tried again. Default: true for GET, false
   * otherwise. Never set on a call that asks the TSB to sign: that is sent once and reconciled.
   */
  idempotent?: boolean;
  /**
   * The deadline of the user-facing operation this call is part of; the call ends at the earlier of it
   * and TSB_TIMEOUT_MS. A call whose signal has already aborted is not sent.
   */
  signal?: AbortSignal;
};

let agent: { tls: TsbConfig['tls']; dispatcher: Agent } | undefined;

function dispatcherFor(tls: NonNullable<TsbConfig['tls']>): Agent {
  if (agent?.tls !== tls)
    agent = { tls, dispatcher: new Agent({ connect: { cert: tls.cert, key: tls.key, ca: tls.ca } }) };
  return agent.dispatcher;
}

function headersFor(config: TsbConfig, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (config.apiKey) headers['x-api-key'] = config.apiKey;
  if (config.bearerToken) headers.authorization = `Bearer ${config.bearerToken}`;
  return headers;
}

const timeoutError = () => new TsbError('timeout', 'The TSB did not answer in time');

async function send(
  config: TsbConfig,
  path: string,
  call: Call<z.ZodType>,
  signal: AbortSignal,
): Promise<Response> {
  if (signal.aborted) throw timeoutError();
  const init = {
    method: call.method ?? 'GET',
    headers: headersFor(config, call.body !== undefined),
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    signal,
    redirect: 'error' as const,
  };
  const url = `${config.url}${path}`;
  try {
    if (config.tls)
      return (await undiciFetch(url, {
        ...init,
        dispatcher: dispatcherFor(config.tls),
      })) as unknown as Response;
    return await fetch(url, init);
  } catch {
    if (signal.aborted) throw timeoutError();
    throw new TsbError('network', 'The TSB could not be reached');
  }
}

/** Only the TSB's documented machine reason ('res.error.…') is kept; anything else may echo input. */
const documentedReason = (reason: string | undefined) =>
  reason && /^res\.error\.[\w.-]{1,120}$/.test(reason) ? reason : null;

function errorFrom(response: Response, body: unknown): TsbError {
  const parsed = tsbErrorBodySchema.safeParse(body);
  const detail = parsed.success ? parsed.data : {};
  const code = detail.errorCode ?? null;
  const message = `The TSB answered HTTP ${response.status}${code === null ? '' : ` with error ${code}`}`;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  return new TsbError('http', message, response.status, code, documentedReason(detail.reason), retryAfter);
}

async function attempt(
  config: TsbConfig,
  path: string,
  call: Call<z.ZodType>,
  signal: AbortSignal,
): Promise<unknown> {
  const response = await send(config, path, call, signal);
  if (!response.ok) {
    // An error's status is known even when its body is not JSON (a gateway's page) or is cut off.
    throw errorFrom(response, await readReply(response, signal).catch(() => undefined));
  }
  const body = await readReply(response, signal);
  if (!call.schema) return undefined;
  const parsed = call.schema.safeParse(body);
  if (!parsed.success)
    throw new TsbError('malformed', `The TSB's answer to ${path} has an unexpected shape`, response.status);
  return parsed.data;
}

/**
 * Calls the TSB at `path` and returns the reply parsed by `schema`. The whole call, retries included,
 * ends within TSB_TIMEOUT_MS, and by `call.signal` when it aborts first. Throws TsbError on any failure.
 */
export async function tsbCall<S extends z.ZodType>(
  path: string,
  call: Call<S> & { schema: S },
): Promise<z.infer<S>>;
export async function tsbCall(path: string, call?: Call<z.ZodType>): Promise<undefined>;
export async function tsbCall(path: string, call: Call<z.ZodType> = {}): Promise<unknown> {
  const { tsb: config } = getConfig();
  const own = AbortSignal.timeout(config.timeoutMs);
  const deadline = call.signal ? AbortSignal.any([own, call.signal]) : own;
  const endsAt = Date.now() + config.timeoutMs;
  const idempotent = call.idempotent ?? (call.method ?? 'GET') === 'GET';
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(config, path, call, deadline);
    } catch (error) {
      if (!(error instanceof TsbError) || !idempotent || !isTransient(error) || tries >= maxAttempts)
        throw error;
      const wait = retryDelayMs(tries, error.retryAfterSeconds);
      // No room left for another try: the caller hears of this failure, not of a timeout.
      if (Date.now() + wait >= endsAt) throw error;
      await pause(wait, deadline);
      if (deadline.aborted) throw error;
    }
  }
}
