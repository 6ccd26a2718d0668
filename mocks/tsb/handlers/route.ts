import { http, type HttpHandler } from 'msw';
import type { z } from 'zod';
import { requireCredential } from '../auth';
import { errorResponse, TsbError } from '../errors';
import { withFault } from '../faults';
import type { Simulator } from '../state';

// One shape for every /v1 endpoint: counted, authenticated (unless the caller proves itself by signature),
// and every failure answered with the TSB's error body.

type Method = 'get' | 'post' | 'delete';
type Resolve = (request: Request, params: Record<string, string>) => Promise<Response> | Response;

export function endpoint(
  sim: Simulator,
  method: Method,
  path: string,
  resolve: Resolve,
  options: { auth?: boolean } = {},
): HttpHandler {
  const name = `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;
  // The leading wildcard matches any origin, so the same handlers serve http://tsb.test and 127.0.0.1.
  return http[method](`*${path}`, async ({ request, params }) => {
    sim.count(name);
    const answer = async () => {
      try {
        if (options.auth !== false) requireCredential(sim, request);
        const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
        return await resolve(request, flat);
      } catch (error) {
        return errorResponse(error);
      }
    };
    return withFault(sim, request, path, answer);
  });
}

/** The JSON body parsed by `schema`; 600 when it is not JSON, 600/501 when it does not fit. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new TsbError('validationFailed', 'the request body is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const summary = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
  // A value outside an enum is 501; a missing or mistyped field is a plain validation failure (600).
  const badEnum = parsed.error.issues.some(
    (issue) => issue.code === 'invalid_value' && valueAt(body, issue.path) !== undefined,
  );
  throw new TsbError(badEnum ? 'invalidEnum' : 'validationFailed', summary);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}

/** 200 with no body, as the TSB answers DELETE and approval calls. */
export const emptyOk = () => new Response(null, { status: 200 });
