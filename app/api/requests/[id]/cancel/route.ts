import { json, route } from '@/lib/api/handler';
import { requestIdOf, type IdContext } from '@/lib/api/params';
import { requestInPath } from '@/lib/authz/request-resource';
import { cancelRequest } from '@/lib/requests';

export const dynamic = 'force-dynamic';

// POST /api/requests/{id}/cancel — cancel a request still waiting for approval (body: {}).
export const POST = route(
  { permission: 'requests:cancel', resource: requestInPath },
  async (_request: Request, context: IdContext, actor) => {
    const id = await requestIdOf(context);
    return json(await cancelRequest(id, actor));
  },
);
