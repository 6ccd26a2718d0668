import { json, route } from '@/lib/api/handler';
import { trackerStatus } from '@/lib/tracker/status';

export const dynamic = 'force-dynamic';

// GET /api/tracker — whether the tracker keeps up: reads, deferrals, requests waiting, the stalest read.
// Shown beside reconciliation, to the same people: it is about every request, not one person's.
export const GET = route({ permission: 'reconciliation:read' }, () => Promise.resolve(json(trackerStatus())));
