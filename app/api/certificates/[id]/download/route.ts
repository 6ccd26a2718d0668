import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import type { IdContext } from '@/lib/api/params';
import { certificateFile, certificateFormats } from '@/lib/certificates';

export const dynamic = 'force-dynamic';

const formatSchema = z.enum(certificateFormats).default('pem');

// GET /api/certificates/{id}/download?format=pem|der|chain|p7b — a stored certificate as a file, audited.
export const GET = route(
  { permission: 'certificates:read' },
  async (request: Request, context: IdContext, actor) => {
    const { id } = await context.params;
    if (!z.uuid().safeParse(id).success)
      throw new ApiError(404, 'certificate_not_found', 'There is no such certificate.');
    const format = formatSchema.safeParse(new URL(request.url).searchParams.get('format') ?? undefined);
    if (!format.success)
      throw new ApiError(400, 'invalid_format', `format must be one of ${certificateFormats.join(', ')}.`);
    const file = await certificateFile(id, format.data, actor);
    return new Response(file.body, {
      headers: {
        'content-type': file.type,
        'content-disposition': `attachment; filename="${file.name}"`,
        'cache-control': 'no-store',
      },
    });
  },
);
