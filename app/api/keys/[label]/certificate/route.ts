import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { json, route } from '@/lib/api/handler';
import { derToPem, fromBase64, pemLabels } from '@/lib/pki';
import { getKeyCertificate } from '@/lib/tsb';

export const dynamic = 'force-dynamic';

type LabelContext = { params: Promise<{ label: string }> };

const labelSchema = z.string().min(1).max(256);

const noCertificate = () =>
  new ApiError(404, 'key_certificate_not_found', 'The TSB holds no certificate for this key.');

// GET /api/keys/{label}/certificate — the certificate attached to a CA key, as PEM, for chains and lint.
export const GET = route({ permission: 'keys:read' }, async (_request: Request, context: LabelContext) => {
  const parsed = labelSchema.safeParse((await context.params).label);
  if (!parsed.success) throw noCertificate();
  const base64 = await getKeyCertificate(parsed.data);
  const der = base64 ? fromBase64(base64) : null;
  if (!der) throw noCertificate();
  return json({ label: parsed.data, pem: derToPem(der, pemLabels.certificate) });
});
