import { requestListQuerySchema, submitRequestSchema } from '@/lib/api/dto';
import { json, readBody, route } from '@/lib/api/handler';
import { idempotencyKeyOf } from '@/lib/api/params';
import { listRequests, submitRequest } from '@/lib/requests';

export const dynamic = 'force-dynamic';

// GET /api/requests?status=&key=&requester=&q=&sort=&order=&page=&pageSize= — one page of requests.
export const GET = route(async (request: Request) => {
  const query = requestListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listRequests(query));
});

// POST /api/requests — submit a CSR for signing; exactly once per Idempotency-Key.
export const POST = route(async (request: Request) => {
  const idempotencyKey = idempotencyKeyOf(request);
  const input = await readBody(request, submitRequestSchema);
  const { request: created, replayed } = await submitRequest(input, idempotencyKey);
  return json(created, replayed ? 200 : 201);
});
