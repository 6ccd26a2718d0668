import { json, route } from '@/lib/api/handler';
import { requestIdOf, type IdContext } from '@/lib/api/params';
import { getRequest } from '@/lib/requests';

export const dynamic = 'force-dynamic';

// GET /api/requests/{id} — one request, brought up to date with the TSB while it is open.
export const GET = route(async (_request: Request, context: IdContext) => {
  const id = await requestIdOf(context);
  return json(await getRequest(id));
});
