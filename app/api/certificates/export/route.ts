import { z } from 'zod';
import { certificateListQuerySchema } from '@/lib/api/dto';
import { route } from '@/lib/api/handler';
import { exportCertificates } from '@/lib/certificates';

export const dynamic = 'force-dynamic';

const exportQuerySchema = certificateListQuerySchema.extend({
  format: z.enum(['csv', 'json']).default('csv'),
});

// GET /api/certificates/export?format=csv|json&<list filters> — every matching certificate as a download.
export const GET = route({ permission: 'certificates:export' }, async (request: Request) => {
  const { format, ...query } = exportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const file = await exportCertificates(query, format);
  return new Response(file.body, {
    headers: {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${file.name}"`,
      'cache-control': 'no-store',
    },
  });
});
