import { json, route } from '@/lib/api/handler';
import { requestIdOf, type IdContext } from '@/lib/api/params';
import { cancelRequest } from '@/lib/requests';

export const dynamic = 'force-dynamic';

// POST /api/requests/{id}/cancel — cancel a request still waiting for approval.
export const POST = route(async (_request: Request, context: IdContext) => {
  const id = await requestIdOf(context);
  return json(await cancelRequest(id));
});
