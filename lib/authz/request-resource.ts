import 'server-only';
import type { LoadedResource } from '@/lib/api/handler';
import { requestIdOf, requestNotFound, type IdContext } from '@/lib/api/params';
import { requestOwner } from '@/lib/requests/read';

/**
 * The request named by the `[id]` segment, for route()'s object-level check. A missing request and
 * someone else's answer the same 404 (requestNotFound), so operators cannot learn which ids exist.
 */
export async function requestInPath(_request: Request, context: IdContext): Promise<LoadedResource> {
  const id = await requestIdOf(context);
  const owner = await requestOwner(id);
  if (!owner) throw requestNotFound();
  return { requester: owner.requester, target: `request:${id}`, hidden: requestNotFound };
}
