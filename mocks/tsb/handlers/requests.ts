import { HttpResponse, type HttpHandler } from 'msw';
import { cancel, findRequest, settle } from '../lifecycle';
import { decisionsOf } from '../policy-engine';
import { requestStatusListSchema } from '../schemas';
import { isoSeconds, type RequestRecord, type Simulator } from '../state';
import { emptyOk, endpoint, readBody } from './route';

// The asynchronous request resource (tsb-api.md §4).

/** RequestStatusDto. notYetApprovedBy lists those who still could approve, so it empties once final. */
export function requestStatusDto(request: RequestRecord) {
  const { approvedBy, rejectedBy } = decisionsOf(request);
  const open = request.status === 'PENDING' ? request.tasks.filter((task) => !task.decision) : [];
  return {
    id: request.id,
    status: request.status,
    executionTime: request.executionTime && isoSeconds(request.executionTime),
    approvedBy,
    notYetApprovedBy: open.map((task) => task.approverKey),
    rejectedBy,
    result: request.result,
  };
}

export function requestHandlers(sim: Simulator): HttpHandler[] {
  return [
    endpoint(sim, 'get', '/v1/request/:id', async (_request, { id = '' }) => {
      const request = findRequest(sim, id);
      await settle(sim, request);
      return HttpResponse.json(requestStatusDto(request));
    }),

    endpoint(sim, 'delete', '/v1/request/:id', async (_request, { id = '' }) => {
      await cancel(sim, findRequest(sim, id));
      return emptyOk();
    }),

    endpoint(sim, 'post', '/v1/filteredRequests', async (request) => {
      const { requestStatusList } = await readBody(request, requestStatusListSchema);
      const all = [...sim.requests.values()];
      await Promise.all(all.map((one) => settle(sim, one)));
      // An absent or empty list means every status.
      const wanted = requestStatusList?.length ? new Set(requestStatusList) : null;
      const requests = all
        .filter((one) => !wanted || wanted.has(one.status))
        .map(({ id, status }) => ({ id, status }));
      return HttpResponse.json({ requests });
    }),
  ];
}
