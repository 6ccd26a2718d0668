import { z } from 'zod';
import { route } from '@/lib/api/handler';
import { requestIdOf, type IdContext } from '@/lib/api/params';
import { requestInPath } from '@/lib/authz/request-resource';
import { certificateFile } from '@/lib/requests';

export const dynamic = 'force-dynamic';

const formatSchema = z.enum(['pem', 'der']).catch('pem');

// GET /api/requests/{id}/certificate?format=pem|der — the issued certificate as a download.
export const GET = route(
  { permission: 'requests:download', resource: requestInPath },
  async (request: Request, context: IdContext, actor) => {
    const id = await requestIdOf(context);
    const format = formatSchema.parse(new URL(request.url).searchParams.get('format'));
    const file = await certificateFile(id, format, actor);
    return new Response(file.body, {
      headers: {
        'content-type': file.type,
        'content-disposition': `attachment; filename="${file.name}"`,
        'cache-control': 'no-store',
      },
    });
  },
);
