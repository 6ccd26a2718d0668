import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { json, route } from '@/lib/api/handler';
import type { IdContext } from '@/lib/api/params';
import { getCertificate } from '@/lib/certificates';

export const dynamic = 'force-dynamic';

// GET /api/certificates/{id} — one certificate's summary and its PEM.
export const GET = route(
  { permission: 'certificates:read' },
  async (_request: Request, context: IdContext) => {
    const { id } = await context.params;
    if (!z.uuid().safeParse(id).success)
      throw new ApiError(404, 'certificate_not_found', 'There is no such certificate.');
    return json(await getCertificate(id));
  },
);
