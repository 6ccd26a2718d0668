import { importCertificateSchema } from '@/lib/api/dto';
import { json, readBody, route } from '@/lib/api/handler';
import { requestIdOf, type IdContext } from '@/lib/api/params';
import { requestInPath } from '@/lib/authz/request-resource';
import { importCertificate } from '@/lib/requests';

export const dynamic = 'force-dynamic';

// POST /api/requests/{id}/import — attach the issued certificate to an HSM key.
export const POST = route(
  { permission: 'requests:import', resource: requestInPath },
  async (request: Request, context: IdContext, actor) => {
    const id = await requestIdOf(context);
    const { label } = await readBody(request, importCertificateSchema);
    return json(await importCertificate(id, label, actor));
  },
);
