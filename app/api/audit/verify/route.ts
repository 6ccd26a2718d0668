import { z } from 'zod';
import { json, readBody, route } from '@/lib/api/handler';
import { verifyAuditLog } from '@/lib/audit';

export const dynamic = 'force-dynamic';

// POST /api/audit/verify (body: {}) — checks the whole hash chain against its anchor; answers
// { ok, count, head } or { ok: false, count, head, problems }. POST: it writes an 'audit.verify' record.
export const POST = route(
  { permission: 'audit:read' },
  async (request: Request, _context: unknown, actor) => {
    await readBody(request, z.object({}).strict());
    return json(await verifyAuditLog(actor));
  },
);
