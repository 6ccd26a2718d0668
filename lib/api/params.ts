import 'server-only';
import { z } from 'zod';
import { ApiError } from './errors';

export type IdContext = { params: Promise<{ id: string }> };

const idSchema = z.uuid();

/**
 * The one answer for a request that does not exist, is not an id, or belongs to someone the caller may
 * not see: identical in all three cases, so that request ids cannot be probed.
 */
export function requestNotFound(): ApiError {
  return new ApiError(404, 'request_not_found', 'There is no such request.');
}

/** The `[id]` route segment, which must be one of our request ids. */
export async function requestIdOf(context: IdContext): Promise<string> {
  const { id } = await context.params;
  if (!idSchema.safeParse(id).success) throw requestNotFound();
  return id;
}

const idempotencyKeySchema = z
  .string()
  .min(16, 'Idempotency-Key must have at least 16 characters')
  .max(128, 'Idempotency-Key must have at most 128 characters')
  .regex(/^[\w.:-]+$/, 'Idempotency-Key may hold letters, digits and . _ : - only');

/** The Idempotency-Key header every submission must carry (one per form submission). */
export function idempotencyKeyOf(request: Request): string {
  const header = request.headers.get('idempotency-key');
  if (header === null)
    throw new ApiError(
      400,
      'idempotency_key_missing',
      'Send an Idempotency-Key header with each submission.',
    );
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success)
    throw new ApiError(
      400,
      'idempotency_key_invalid',
      parsed.error.issues[0]?.message ?? 'Invalid Idempotency-Key.',
    );
  return parsed.data;
}
