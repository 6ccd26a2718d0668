import 'server-only';
import { z } from 'zod';
import type { Reconciliation } from '@/lib/api/dto';
import { filteredRequests, getRequestStatus, type TsbRequestStatusDto } from '@/lib/tsb';
import { tsbRequestStatuses } from '@/lib/tsb/schemas';
import { recordReconciled } from './observed';
import { chooseLinks, csrSpkiOf, fitOf, type Fit, type Link } from './reconcile-match';
import { refreshRequest } from './refresh';
import { linkedTsbIds, listOpenRequests, toView, updateRequest, type StoredRequest } from './store';

// Settles submissions whose outcome is UNKNOWN from the TSB's own list of requests. Nothing is ever resent:
// a submission is linked to the TSB request it became, or, when the TSB has none that could be it after a
// grace period, declared not received so that a person submits it again. A synchronous signing leaves no
// request on the TSB, so one whose answer was lost can never be settled: after the grace period it fails
// as `answer_lost`, saying that a certificate may have been signed. Each such change is audited
// under the system actor `system:reconciler` (./observed.ts); one whose intent cannot be written is not
// made, and the pass stops there: the submission stays UNKNOWN for the next pass.

const graceMsDefault = z.coerce
  .number()
  .int()
  .min(0)
  .catch(120_000)
  .parse(process.env.RECONCILE_GRACE_MS ?? 120_000);
const freshForMs = 5_000;
export const notReceivedMessage = 'The TSB never received this submission; submit it again.';
export const answerLostMessage =
  'Answer lost: the TSB may have signed a certificate that CertDesk never received. CertDesk does not send it ' +
  "again; ask the TSB's operators whether it was signed before submitting it again.";

// Finished TSB requests never change, so their details are read once.
const finished = new Map<string, TsbRequestStatusDto>();

async function details(ids: string[]): Promise<Map<string, TsbRequestStatusDto>> {
  const found = new Map<string, TsbRequestStatusDto>();
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map(async (id) => {
        const dto = finished.get(id) ?? (await getRequestStatus(id));
        if (
          dto.status !== 'PENDING' &&
          dto.status !== 'APPROVED' &&
          (dto.status !== 'EXECUTED' || dto.result)
        )
          finished.set(id, dto);
        found.set(id, dto);
      }),
    );
  }
  return found;
}

async function fitsOf(rows: StoredRequest[], upstream: Map<string, TsbRequestStatusDto>) {
  const fits = new Map<string, Map<string, Fit>>();
  for (const row of rows) {
    const csrSpki = await csrSpkiOf(row);
    const byTsbId = new Map<string, Fit>();
    for (const [tsbId, dto] of upstream) byTsbId.set(tsbId, await fitOf(row, csrSpki, dto));
    fits.set(row.id, byTsbId);
  }
  return fits;
}

async function link({ row, tsbRequestId, certain }: Link): Promise<void> {
  const note = certain
    ? `Found on the TSB as request ${tsbRequestId}: its certificate has this CSR's key.`
    : `Found on the TSB as request ${tsbRequestId}, the only one that fits; the certificate is checked when issued.`;
  const linked = await recordReconciled(row, { action: 'linked', tsbRequestId, certain }, () =>
    updateRequest(row.id, { status: 'PENDING', tsbRequestId, error: null }, note),
  );
  // The tracker would catch up on its next look; reading now shows the real state at once.
  await refreshRequest(linked).catch(() => linked);
}

function unknownSince(row: StoredRequest): number {
  const entry = row.history.findLast((h) => h.status === 'UNKNOWN');
  return Date.parse(entry?.at ?? row.updatedAt);
}

async function settle(
  rows: StoredRequest[],
  untrackedIds: string[],
  graceMs: number,
  now: number,
): Promise<Set<string>> {
  const upstream = rows.length > 0 ? await details(untrackedIds) : new Map<string, TsbRequestStatusDto>();
  const { links, orphans } = chooseLinks(await fitsOf(rows, upstream), rows);
  for (const one of links) await link(one);
  for (const row of orphans) {
    if (now - unknownSince(row) < graceMs) continue;
    await recordReconciled(row, { action: 'not_received' }, () =>
      updateRequest(row.id, {
        status: 'FAILED',
        error: { code: 'not_received', message: notReceivedMessage },
      }),
    );
  }
  return new Set(links.map((one) => one.tsbRequestId));
}

/** Synchronous signings whose answer was lost: nothing on the TSB can tell, so after `graceMs` they end. */
async function endLostAnswers(rows: StoredRequest[], graceMs: number, now: number): Promise<void> {
  for (const row of rows) {
    if (now - unknownSince(row) < graceMs) continue;
    await recordReconciled(row, { action: 'answer_lost' }, () =>
      updateRequest(row.id, { status: 'FAILED', error: { code: 'answer_lost', message: answerLostMessage } }),
    );
  }
}

async function pass(graceMs: number): Promise<Reconciliation> {
  const upstream = await filteredRequests([...tsbRequestStatuses]);
  const linked = await linkedTsbIds(upstream.map((r) => r.id));
  const untracked = upstream.filter((r) => !linked.has(r.id));
  const open = (await listOpenRequests()).filter((row) => row.status === 'UNKNOWN');
  // Only asynchronous submissions leave a request on the TSB to be found.
  const unknown = open.filter((row) => row.mode === 'async');
  const nowLinked = await settle(
    unknown,
    untracked.map((r) => r.id),
    graceMs,
    Date.now(),
  );
  await endLostAnswers(
    open.filter((row) => row.mode === 'sync'),
    graceMs,
    Date.now(),
  );
  const stillUnknown = (await listOpenRequests()).filter((row) => row.status === 'UNKNOWN');
  return {
    untracked: untracked
      .filter((r) => !nowLinked.has(r.id) && (r.status === 'PENDING' || r.status === 'APPROVED'))
      .map((r) => ({ tsbRequestId: r.id, status: r.status })),
    unknown: stillUnknown.map(toView),
    checkedAt: new Date().toISOString(),
  };
}

const state = globalThis as typeof globalThis & {
  __certdeskReconcile?: { running: Promise<Reconciliation> | null; last: Reconciliation | null };
};
const runs = (state.__certdeskReconcile ??= { running: null, last: null });

/**
 * One reconciliation pass: links UNKNOWN submissions to the TSB requests they became where that leaves no
 * doubt, fails those the TSB never received once `graceMs` (RECONCILE_GRACE_MS, default 2 min) has passed,
 * and synchronous ones whose answer was lost (`answer_lost`) after the same time, and reports TSB requests
 * CertDesk has no record of. Concurrent calls share one pass.
 */
export function reconcile(options: { graceMs?: number } = {}): Promise<Reconciliation> {
  runs.running ??= pass(options.graceMs ?? graceMsDefault)
    .then((result) => (runs.last = result))
    .finally(() => (runs.running = null));
  return runs.running;
}

/** The latest reconciliation, reconciling again when it is older than a few seconds. */
export async function getReconciliation(): Promise<Reconciliation> {
  const last = runs.last;
  if (last && Date.now() - Date.parse(last.checkedAt) < freshForMs) return last;
  return reconcile();
}
