import { json, route } from '@/lib/api/handler';
import { listKeySummaries } from '@/lib/keys/service';

export const dynamic = 'force-dynamic';

// GET /api/keys — the TSB's keys with their signing algorithms and approval policy.
export const GET = route({ permission: 'keys:read' }, async () => {
  const keys = await listKeySummaries();
  return json({ keys });
});
