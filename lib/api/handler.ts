import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/types';
import { actorOf } from '@/lib/authz/actor-source';
import {
  authorize,
  recordDenial,
  type ObjectPermission,
  type Owned,
  type Permission,
} from '@/lib/authz/policy';
import type { Verdict } from '@/lib/authz/rate-limit';
import {
  crossOriginError,
  crossOriginReason,
  isMutating,
  mediaType,
  unsupportedMediaType,
} from '@/lib/authz/same-origin';
import { ApiError, errorResponse, toApiError } from './errors';

// The one way to write a route handler: every handler names the permission it needs, and the wrapper
// identifies the caller, refuses forged and non-JSON changes, authorizes (the named object too), applies
// rate limits and turns every failure into our error body. A handler cannot run without an actor.

type Handler<C> = (request: Request, context: C, actor: Actor) => Promise<Response>;

/** The object a route names: its owner, its audit name, and what a caller who may not see it is told. */
export type LoadedResource = Owned & { target: string; hidden: () => ApiError };
export type ResourceLoader<C> = (request: Request, context: C) => Promise<LoadedResource>;

type Common = {
  /** Takes from a rate limit after authorization; a refusal is a 429 with Retry-After. */
  rateLimit?: (actor: Actor) => Verdict & { limit: number };
};

/** Object permissions need a loader for the object the path names; the others must not have one. */
export type RouteOptions<C> = Common &
  (
    | { permission: Exclude<Permission, ObjectPermission>; resource?: undefined }
    | { permission: ObjectPermission; resource: ResourceLoader<C> }
  );

async function refuseForgery(request: Request, actor: Actor | null, permission: Permission): Promise<void> {
  if (!isMutating(request.method)) return;
  const reason = crossOriginReason(request, actor);
  if (reason) {
    await recordDenial(actor, { permission, reason }, { request });
    throw crossOriginError(reason);
  }
  if (mediaType(request) !== 'application/json') throw unsupportedMediaType();
}

async function refuseOverLimit(request: Request, actor: Actor, options: Common & { permission: Permission }) {
  const verdict = options.rateLimit?.(actor);
  if (!verdict || verdict.ok) return;
  await recordDenial(actor, { permission: options.permission, reason: 'rate_limited' }, { request });
  const message = `Too many requests: at most ${verdict.limit} a minute. Try again in ${verdict.retryAfterSeconds} s.`;
  throw new ApiError(429, 'rate_limited', message, undefined, {
    'retry-after': String(verdict.retryAfterSeconds),
  });
}

function noStore(response: Response): Response {
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
  return response;
}

/** Wraps a route handler: authentication, CSRF defence, authorization, limits, error mapping, no-store. */
export function route<C>(
  options: RouteOptions<C>,
  handler: Handler<C>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      const caller = await actorOf(request);
      await refuseForgery(request, caller, options.permission);
      const actor = await authorize(caller, options.permission, undefined, { request });
      if (options.resource) {
        const { target, hidden, requester } = await options.resource(request, context);
        await authorize(actor, options.permission, { requester }, { request, target, hidden });
      }
      await refuseOverLimit(request, actor, options);
      return noStore(await handler(request, context, actor));
    } catch (error) {
      return errorResponse(toApiError(error));
    }
  };
}

const maxBodyBytes = 64 * 1024;

/** Reads a JSON body (application/json only, bounded) and parses it with `schema`. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (mediaType(request) !== 'application/json') throw unsupportedMediaType();
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
