import { json, route } from '@/lib/api/handler';
import { listAuditEvents } from '@/lib/audit';
import { auditListQuerySchema } from '@/lib/audit/dto';

export const dynamic = 'force-dynamic';

// GET /api/audit?action=&actor=&target=&outcome=&from=&to=&q=&order=&page=&pageSize= — one page of the
// audit log by seq; the reading itself is audited (lib/audit/service.ts).
export const GET = route({ permission: 'audit:read' }, async (request: Request, _context: unknown, actor) => {
  const query = auditListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listAuditEvents(query, actor));
});
