import { certificateListQuerySchema } from '@/lib/api/dto';
import { json, route } from '@/lib/api/handler';
import { listCertificates } from '@/lib/certificates';

export const dynamic = 'force-dynamic';

// GET /api/certificates?expiry=&key=&q=&sort=&order=&page=&pageSize= — one page of the inventory.
export const GET = route({ permission: 'certificates:read' }, async (request: Request) => {
  const query = certificateListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listCertificates(query));
});
