import type { z } from 'zod';
import { apiErrorSchema } from './dto';

// The browser's one door to our /api. Every answer is parsed with the caller's zod schema; every
// non-2xx becomes an ApiError carrying the server's code, message and field issues.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Record<string, string[]>;

  constructor(status: number, code: string, message: string, issues: Record<string, string[]> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type ApiFetchOptions<T> = {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  schema: z.ZodType<T>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Calls `path` (under /api), returns the parsed body, or throws ApiError (status 0 = no answer). */
export async function apiFetch<T>(path: `/api/${string}`, options: ApiFetchOptions<T>): Promise<T> {
  const { method = 'GET', body, schema, headers, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'CertDesk could not be reached. Check your connection and try again.');
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      'CertDesk sent an answer this page does not understand.',
    );
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(response.status, code, message, issues);
  }
  return new ApiError(
    response.status,
    'http_error',
    `CertDesk answered ${response.status} ${response.statusText}`.trim(),
  );
}
