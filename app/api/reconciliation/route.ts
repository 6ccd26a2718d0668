import { json, route } from '@/lib/api/handler';
import { getReconciliation } from '@/lib/requests';

export const dynamic = 'force-dynamic';

// GET /api/reconciliation — TSB requests CertDesk has no record of, and submissions with an unknown outcome.
export const GET = route({ permission: 'reconciliation:read' }, async () => json(await getReconciliation()));
