import 'server-only';
import { tsbCall } from './client';
import { filteredRequestsSchema, requestStatusSchema, type TsbRequestStatus } from './schemas';

/** Status, approvers and result of an asynchronous request. */
export function getRequestStatus(id: string, signal?: AbortSignal) {
  return tsbCall(`/v1/request/${encodeURIComponent(id)}`, { schema: requestStatusSchema, signal });
}

/** Cancels a request that is still waiting; the TSB deletes its approval tasks. */
export async function cancelRequest(id: string, signal?: AbortSignal): Promise<void> {
  await tsbCall(`/v1/request/${encodeURIComponent(id)}`, { method: 'DELETE', signal });
}

/** Ids and statuses of the requests in the given states (TSB ≥ 2.0.1). */
export async function filteredRequests(statuses: TsbRequestStatus[], signal?: AbortSignal) {
  const reply = await tsbCall('/v1/filteredRequests', {
    method: 'POST',
    body: { requestStatusList: statuses },
    schema: filteredRequestsSchema,
    idempotent: true,
    signal,
  });
  return reply.requests;
}
