import { getResponse, type HttpHandler } from 'msw';
import { approverAppHandlers } from './approver-app';
import { faultHandlers } from './faults';
import { approvalHandlers } from './handlers/approvals';
import { certificateHandlers } from './handlers/certificates';
import { keyHandlers } from './handlers/keys';
import { requestHandlers } from './handlers/requests';
import { systemHandlers } from './handlers/system';
import type { Simulator } from './state';

// The TSB simulator: MSW handlers over in-memory state with real crypto. The same handlers serve Vitest
// (setupServer) and the standalone server (server.ts).

export { createSimulator, DEMO_API_KEY, type SimulatorOptions } from './simulator';
export { clearFaults, faultsSettled, setFault, toxics, type FaultInput, type Toxic } from './faults';
export { demoApprovers, demoApprover, type DemoApprover } from './approvers';
export { demoApproverProfiles, type DemoApproverId } from './approver-profiles';
export type { Simulator, RequestStatus } from './state';

/** Every handler of the simulator: the TSB's /v1 API, the approver page under /approver, and /_sim. */
export function createTsbHandlers(sim: Simulator): HttpHandler[] {
  const handlers: HttpHandler[] = [];
  // The approver page acts through these very handlers, in process, as a real app would over HTTP.
  const dispatch = async (request: Request) => {
    const response = await getResponse(handlers, request);
    if (!response) throw new Error(`no simulator handler for ${request.method} ${request.url}`);
    return response;
  };
  handlers.push(
    ...keyHandlers(sim),
    ...certificateHandlers(sim),
    ...requestHandlers(sim),
    ...approvalHandlers(sim),
    ...systemHandlers(sim),
    ...faultHandlers(sim),
    ...approverAppHandlers(sim, dispatch),
  );
  return handlers;
}
