import { HttpResponse, type HttpHandler } from 'msw';
import { fromBase64 } from '@/lib/pki/bytes';
import { verifyApproverSignature } from '../crypto';
import { TsbError } from '../errors';
import { decide } from '../lifecycle';
import { deleteTaskSchema, filteredTasksSchema, sendApprovalSchema } from '../schemas';
import type { Simulator } from '../state';
import { approverKeyOf, findTask, openTasksOf, taskDto, verifyTimestampProof } from '../tasks';
import { emptyOk, endpoint, readBody } from './route';

// The approver side (tsb-api.md §6). No service credential: approvers prove possession of their key,
// by a signed timestamp to list or reject tasks, by a signature over approvalToBeSigned to approve.

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

function filteredTasks(sim: Simulator, path: string): HttpHandler {
  return endpoint(
    sim,
    'post',
    path,
    async (request) => {
      const filter = await readBody(request, filteredTasksSchema);
      const approverKey = verifyTimestampProof(sim, filter);
      const tasks = await openTasksOf(sim, approverKey, filter);
      return HttpResponse.json({
        tasks: tasks.map((listed) => taskDto(listed, filter.detailLevel ?? 'level1')),
      });
    },
    { auth: false },
  );
}

export function approvalHandlers(sim: Simulator): HttpHandler[] {
  return [
    // Certificate tasks are operational (ruleUse) tasks, so both lists carry them.
    filteredTasks(sim, '/v1/filteredAllApprovalTask'),
    filteredTasks(sim, '/v1/filteredSignApprovalTask'),

    endpoint(
      sim,
      'post',
      '/v1/approval',
      async (request) => {
        const approval = await readBody(request, sendApprovalSchema);
        const { request: signRequest, task } = findTask(sim, approval.id);
        if (approverKeyOf(approval) !== task.approverKey) {
          throw new TsbError('invalidSignature', `task ${task.id} waits for another approver`);
        }
        const token = fromBase64(approval.approvalToBeSigned);
        if (!token || !sameBytes(token, task.token)) {
          throw new TsbError('invalidSignature', `approvalToBeSigned is not the token of task ${task.id}`);
        }
        // Verified with the key the task was made for, never with a key the caller supplies.
        if (
          !verifyApproverSignature(
            task.approverKey,
            approval.approvalDigestAlgorithm,
            task.token,
            approval.signature,
          )
        ) {
          throw new TsbError('invalidSignature', 'signature does not verify with the approver key');
        }
        await decide(sim, signRequest, task, 'approved');
        return emptyOk();
      },
      { auth: false },
    ),

    endpoint(
      sim,
      'delete',
      '/v1/task',
      async (request) => {
        const body = await readBody(request, deleteTaskSchema);
        const approverKey = verifyTimestampProof(sim, body);
        const { request: signRequest, task } = findTask(sim, body.id);
        if (approverKey !== task.approverKey)
          throw new TsbError('invalidSignature', `task ${task.id} waits for another approver`);
        await decide(sim, signRequest, task, 'rejected');
        return emptyOk();
      },
      { auth: false },
    ),
  ];
}
