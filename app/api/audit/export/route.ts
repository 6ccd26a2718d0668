import { z } from 'zod';
import { route } from '@/lib/api/handler';
import { exportAuditEvents } from '@/lib/audit';
import { auditListQuerySchema } from '@/lib/audit/dto';

export const dynamic = 'force-dynamic';

const exportQuerySchema = auditListQuerySchema.extend({ format: z.literal('csv').default('csv') });

// GET /api/audit/export?format=csv&<list filters> — every matching audit event as a CSV download.
export const GET = route({ permission: 'audit:read' }, async (request: Request, _context: unknown, actor) => {
  const { format: _format, ...query } = exportQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const file = await exportAuditEvents(query, actor);
  return new Response(file.body, {
    headers: {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${file.name}"`,
      'cache-control': 'no-store',
    },
  });
});
