import { z } from 'zod';
import { json, readBody, route } from '@/lib/api/handler';
import { verifyAuditLog } from '@/lib/audit';

export const dynamic = 'force-dynamic';

// POST /api/audit/verify (body: {}) — checks the whole hash chain against its anchor, keyed records with
// AUDIT_HMAC_KEY; answers { ok, count, head, keyed? } or { ok: false, count, head, keyed?, problems }.
// POST: it writes an 'audit.verify' record.
export const POST = route(
  { permission: 'audit:read' },
  async (request: Request, _context: unknown, actor) => {
    await readBody(request, z.object({}).strict());
    return json(await verifyAuditLog(actor));
  },
);
