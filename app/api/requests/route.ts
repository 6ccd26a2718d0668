import { requestListQuerySchema, submitRequestSchema } from '@/lib/api/dto';
import { json, readBody, route } from '@/lib/api/handler';
import { idempotencyKeyOf } from '@/lib/api/params';
import { requesterFilter } from '@/lib/authz/policy';
import { takeSubmission } from '@/lib/authz/rate-limit';
import { listRequests, submitRequest } from '@/lib/requests';

export const dynamic = 'force-dynamic';

// GET /api/requests?status=&key=&requester=&q=&sort=&order=&page=&pageSize= — one page of requests;
// an operator's page holds only their own, whatever `requester` asks for.
export const GET = route(
  { permission: 'requests:list' },
  async (request: Request, _context: unknown, actor) => {
    const query = requestListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const requester = requesterFilter(actor, 'requests:list') ?? query.requester;
    return json(await listRequests({ ...query, requester }));
  },
);

// POST /api/requests — submit a CSR for signing; exactly once per Idempotency-Key. Needs a sign-in
// within the last 5 minutes (401 reauth_required otherwise) and is rate limited per user (429).
export const POST = route(
  { permission: 'requests:submit', rateLimit: (actor) => takeSubmission(actor.userId) },
  async (request: Request, _context: unknown, actor) => {
    const idempotencyKey = idempotencyKeyOf(request);
    const input = await readBody(request, submitRequestSchema);
    const { request: created, replayed } = await submitRequest(input, idempotencyKey, actor);
    return json(created, replayed ? 200 : 201);
  },
);
