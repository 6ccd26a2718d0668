import 'server-only';
import type { z } from 'zod';
import { ApiError, errorResponse, toApiError } from './errors';

// Helpers that keep route handlers thin: parse input, wrap errors, answer without caching.

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes our error body with the right status. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(toApiError(error));
    }
  };
}

const maxBodyBytes = 64 * 1024;

/** Reads a JSON body (application/json only, bounded) and parses it with `schema`. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBodyBytes) {
    throw new ApiError(413, 'body_too_large', 'The request body is larger than 64 KiB.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return schema.parse(json);
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
