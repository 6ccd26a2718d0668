import 'server-only';
import { filteredRequests, getRequestStatus, TsbError, type TsbRequestStatusDto } from '@/lib/tsb';
import { tsbRequestStatuses } from '@/lib/tsb/schemas';
import { recordReconciled } from './observed';
import { chooseLinks, csrSpkiOf, fitOf, type Fit, type Link } from './reconcile-match';
import { refreshRequest } from './refresh';
import { linkedTsbIds, listOpenRequests, updateRequest, type StoredRequest } from './store';

// One reconciliation pass (see ./reconcile.ts for what it settles and why). A pass given a signal (a
// user's deadline) stops when it aborts, between steps only: each step (a link, a not_received, an
// answer_lost) is one audited write with no TSB call inside, so it is done whole or not begun; a link's
// follow-up read stores nothing when the signal ends it. Decisions need every TSB request's details, so a
// pass cut short while reading them settles nothing from them.

export const notReceivedMessage = 'The TSB never received this submission; submit it again.';
export const answerLostMessage =
  'Answer lost: the TSB may have signed a certificate that CertDesk never received. CertDesk does not send it ' +
  "again; ask the TSB's operators whether it was signed before submitting it again.";

type TsbRequestRef = Awaited<ReturnType<typeof filteredRequests>>[number];

/** What a pass has established so far, for an answer before it ends. */
export type Progress = {
  /** The TSB's requests CertDesk had no record of; null until the TSB's list is read. */
  untracked: TsbRequestRef[] | null;
  /** TSB request ids this pass linked a submission to. */
  linked: Set<string>;
};

export const newProgress = (): Progress => ({ untracked: null, linked: new Set() });

/** Thrown at a step boundary once the pass's signal has aborted. */
class CutShort extends Error {}

function checkpoint(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CutShort('the reconciliation pass was cut short');
}

// Finished TSB requests never change, so their details are read once.
const finished = new Map<string, TsbRequestStatusDto>();

async function details(ids: string[], signal?: AbortSignal): Promise<Map<string, TsbRequestStatusDto>> {
  const found = new Map<string, TsbRequestStatusDto>();
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map(async (id) => {
        const dto = finished.get(id) ?? (await getRequestStatus(id, signal));
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

async function link({ row, tsbRequestId, certain }: Link, signal?: AbortSignal): Promise<void> {
  const note = certain
    ? `Found on the TSB as request ${tsbRequestId}: its certificate has this CSR's key.`
    : `Found on the TSB as request ${tsbRequestId}, the only one that fits; the certificate is checked when issued.`;
  const linked = await recordReconciled(row, { action: 'linked', tsbRequestId, certain }, () =>
    updateRequest(row.id, { status: 'PENDING', tsbRequestId, error: null }, { note }),
  );
  // The tracker would catch up on its next look; reading now shows the real state at once.
  await refreshRequest(linked, signal).catch(() => linked);
}

function unknownSince(row: StoredRequest): number {
  const entry = row.history.findLast((h) => h.status === 'UNKNOWN');
  return Date.parse(entry?.at ?? row.updatedAt);
}

async function settle(
  rows: StoredRequest[],
  graceMs: number,
  progress: Progress,
  signal?: AbortSignal,
): Promise<void> {
  if (rows.length === 0) return;
  const now = Date.now();
  const upstream = await details(
    (progress.untracked ?? []).map((r) => r.id),
    signal,
  );
  const { links, orphans } = chooseLinks(await fitsOf(rows, upstream), rows);
  for (const one of links) {
    checkpoint(signal);
    await link(one, signal);
    progress.linked.add(one.tsbRequestId);
  }
  for (const row of orphans) {
    if (now - unknownSince(row) < graceMs) continue;
    checkpoint(signal);
    await recordReconciled(row, { action: 'not_received' }, () =>
      updateRequest(row.id, {
        status: 'FAILED',
        error: { code: 'not_received', message: notReceivedMessage },
      }),
    );
  }
}

/** Synchronous signings whose answer was lost: nothing on the TSB can tell, so after `graceMs` they end. */
async function endLostAnswers(rows: StoredRequest[], graceMs: number, signal?: AbortSignal): Promise<void> {
  const now = Date.now();
  for (const row of rows) {
    if (now - unknownSince(row) < graceMs) continue;
    checkpoint(signal);
    await recordReconciled(row, { action: 'answer_lost' }, () =>
      updateRequest(row.id, { status: 'FAILED', error: { code: 'answer_lost', message: answerLostMessage } }),
    );
  }
}

async function steps(graceMs: number, progress: Progress, signal?: AbortSignal): Promise<void> {
  const upstream = await filteredRequests([...tsbRequestStatuses], signal);
  const linked = await linkedTsbIds(upstream.map((r) => r.id));
  progress.untracked = upstream.filter((r) => !linked.has(r.id));
  const open = (await listOpenRequests()).filter((row) => row.status === 'UNKNOWN');
  // Only asynchronous submissions leave a request on the TSB to be found.
  await settle(
    open.filter((row) => row.mode === 'async'),
    graceMs,
    progress,
    signal,
  );
  await endLostAnswers(
    open.filter((row) => row.mode === 'sync'),
    graceMs,
    signal,
  );
}

/**
 * Runs one pass, recording in `progress` what it establishes; resolves to whether it ran to the end. With
 * `signal`, a pass it ends (at a step boundary, or by ending a TSB call) resolves to false instead of
 * failing; any other failure is thrown.
 */
export async function runPass(graceMs: number, progress: Progress, signal?: AbortSignal): Promise<boolean> {
  try {
    await steps(graceMs, progress, signal);
    return true;
  } catch (error) {
    const cut = error instanceof CutShort || (signal?.aborted === true && error instanceof TsbError);
    if (!cut) throw error;
    return false;
  }
}
