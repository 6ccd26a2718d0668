import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { RequestView } from '@/lib/api/dto';
import { findRequest, toView } from './store';

/**
 * One request as the registry holds it. Never calls the TSB: the tracker keeps open requests current,
 * so readers, however many, cost the TSB nothing.
 */
export async function readRequest(id: string): Promise<RequestView> {
  const row = await findRequest(id);
  if (!row) throw new ApiError(404, 'request_not_found', 'There is no such request.');
  return toView(row);
}

/** Who raised request `id` (null when nobody signed in did), or undefined when there is no such request. */
export async function requestOwner(id: string): Promise<{ requester: string | null } | undefined> {
  const row = await findRequest(id);
  return row ? { requester: row.requester } : undefined;
}
