import { json, route } from '@/lib/api/handler';
import { requestIdOf, type IdContext } from '@/lib/api/params';
import { requestInPath } from '@/lib/authz/request-resource';
import { readRequest } from '@/lib/requests/read';

export const dynamic = 'force-dynamic';

// GET /api/requests/{id} — one request as the registry holds it; the tracker keeps it current.
export const GET = route(
  { permission: 'requests:read', resource: requestInPath },
  async (_request: Request, context: IdContext) => {
    const id = await requestIdOf(context);
    return json(await readRequest(id));
  },
);
