import { z } from 'zod';
import { route } from '@/lib/api/handler';
import { requesterFilter } from '@/lib/authz/policy';
import { getConfig } from '@/lib/config';
import { requestEventStream } from '@/lib/tracker/stream';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  ids: z
    .string()
    .optional()
    .transform((v) => v?.split(',').filter(Boolean) ?? [])
    .pipe(z.array(z.uuid()).max(200)),
});

// GET /api/events — request changes as Server-Sent Events (`event: request`, data = RequestView);
// `?ids=a,b` narrows the stream to those requests. Operators receive their own requests' changes only.
export const GET = route({ permission: 'requests:events' }, (request: Request, _context: unknown, actor) => {
  const { ids } = querySchema.parse({ ids: new URL(request.url).searchParams.get('ids') ?? undefined });
  const { maxStreams } = getConfig().tracker;
  const requester = requesterFilter(actor, 'requests:events');
  return Promise.resolve(
    requestEventStream({
      ids: ids.length > 0 ? new Set(ids) : null,
      requester,
      signal: request.signal,
      maxStreams,
    }),
  );
});
