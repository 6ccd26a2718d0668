import { z } from 'zod';
import { requestListQuerySchema, type RequestListQuery } from '@/lib/api/dto';
import { requestListDefaults } from '@/lib/query/requests';

/** The statuses of a request that still waits for someone: approvers, the timelock, or reconciliation. */
export const queueStatuses = ['PENDING', 'APPROVED', 'UNKNOWN'] as const;

/** /approvals address bar: filters and search only; the queue is one page, oldest first. */
export const queueQuerySchema = requestListQuerySchema.pick({ key: true, requester: true, q: true }).extend({
  status: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
      z.array(z.enum(queueStatuses)),
    )
    .optional(),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/** The largest page the list API serves: the queue is meant to be seen whole. */
export const queuePageSize = 200;

export function queueListQuery(query: QueueQuery): RequestListQuery {
  return {
    ...requestListDefaults,
    ...query,
    status: query.status?.length ? query.status : [...queueStatuses],
    pageSize: queuePageSize,
    sort: 'createdAt',
    order: 'asc',
  };
}
