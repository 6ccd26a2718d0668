import { http, HttpResponse, type HttpHandler } from 'msw';
import { z } from 'zod';
import { taskCard } from './approver-cards';
import { actOnTask, ApproverCallError, fetchTasks, type ApproverSession, type Send } from './approver-client';
import { renderApproverPage, type ApproverColumn, type Flash } from './approver-page';
import type { DemoApprover } from './approvers';
import type { Simulator } from './state';

// The simulated Authorization App: GET /approver lists each demo approver's tasks, POST /approver/act
// (form) and /approver/act.json (scripts) approve or reject as that approver. The approver's private key
// never leaves the simulator; the protocol runs through the TSB handlers exactly as a phone app's would.

const actSchema = z
  .object({
    approver: z.string().min(1),
    action: z.enum(['approve', 'reject']),
    taskId: z.string().min(1).optional(),
    requestId: z.string().min(1).optional(),
    view: z.string().optional(),
  })
  .refine((input) => input.taskId || input.requestId, 'taskId or requestId is required');
type ActInput = z.infer<typeof actSchema>;

const maxFlashes = 100;

export function approverAppHandlers(sim: Simulator, dispatch: Send): HttpHandler[] {
  const flashes = new Map<string, Flash>();
  const session = (approver: DemoApprover, request: Request): ApproverSession => ({
    send: dispatch,
    baseUrl: new URL(request.url).origin,
    approver,
    now: () => sim.now(),
  });

  async function act(input: ActInput, request: Request) {
    const approver = sim.approvers.find((candidate) => candidate.id === input.approver);
    if (!approver) throw new ApproverCallError(`unknown approver ${input.approver}`, 400, null, null);
    const task = await actOnTask(session(approver, request), input, input.action).catch((error: unknown) => {
      const known = input.requestId ? sim.requests.get(input.requestId)?.status : undefined;
      if (error instanceof ApproverCallError && known) error.message += ` (the request is ${known})`;
      throw error;
    });
    const requestId = task.requestId ?? input.requestId ?? 'unknown';
    const status = sim.requests.get(requestId)?.status ?? null;
    const verb = input.action === 'approve' ? 'approved' : 'rejected';
    const message = `${approver.name} ${verb} request ${requestId}${status ? `; it is now ${status}` : ''}`;
    return { approver: approver.id, action: input.action, taskId: task.id, requestId, status, message };
  }

  async function column(approver: DemoApprover, request: Request): Promise<ApproverColumn> {
    try {
      const tasks = await fetchTasks(session(approver, request), { detailLevel: 'level3' });
      return { ...approver, cards: tasks.map(taskCard) };
    } catch (error) {
      return { ...approver, cards: { error: error instanceof Error ? error.message : String(error) } };
    }
  }

  return [
    http.get('*/approver', async ({ request }) => {
      const query = new URL(request.url).searchParams;
      const view = sim.approvers.some((a) => a.id === query.get('approver'))
        ? (query.get('approver') ?? '')
        : '';
      const shown = sim.approvers.filter((approver) => !view || approver.id === view);
      const columns = await Promise.all(shown.map((approver) => column(approver, request)));
      const flash = flashes.get(query.get('flash') ?? '') ?? null;
      const html = renderApproverPage({ columns, approvers: sim.approvers, view, flash });
      return new HttpResponse(html, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      });
    }),

    http.post('*/approver/act', async ({ request }) => {
      const parsed = actSchema.safeParse(Object.fromEntries(new URLSearchParams(await request.text())));
      let flash: Flash;
      if (!parsed.success) flash = { kind: 'alert', text: 'The form was incomplete; nothing was signed.' };
      else {
        flash = await act(parsed.data, request).then(
          (done): Flash => ({ kind: 'status', text: done.message }),
          (error: unknown): Flash => ({
            kind: 'alert',
            text: `Could not ${parsed.data.action}: ${String((error as Error).message ?? error)}`,
          }),
        );
      }
      // The message travels by id, so the page never renders text taken from its own URL.
      const id = crypto.randomUUID();
      flashes.set(id, flash);
      if (flashes.size > maxFlashes) flashes.delete(flashes.keys().next().value ?? '');
      const params = new URLSearchParams({ flash: id });
      if (parsed.success && parsed.data.view) params.set('approver', parsed.data.view);
      return new HttpResponse(null, { status: 303, headers: { location: `/approver?${params}` } });
    }),

    http.post('*/approver/act.json', async ({ request }) => {
      const parsed = actSchema.safeParse(await request.json().catch(() => null));
      if (!parsed.success)
        return HttpResponse.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
      try {
        return HttpResponse.json(await act(parsed.data, request));
      } catch (error) {
        if (!(error instanceof ApproverCallError)) throw error;
        const { message, status, errorCode, reason } = error;
        return HttpResponse.json(
          { error: message, errorCode, reason },
          { status: status >= 400 ? status : 400 },
        );
      }
    }),
  ];
}
