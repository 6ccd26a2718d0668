import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { RequestError, RequestListQuery, RequestPage, RequestView } from '@/lib/api/dto';
import { importUnknownCode } from '@/lib/api/hsm-import';
import { importedCertificate } from '@/lib/certificates';
import { derToPem, fromBase64, pemToBase64Der } from '@/lib/pki';
import { cancelRequest as cancelUpstream, importPlainCertificate, TsbError } from '@/lib/tsb';
import { outcomeUnknown, userDeadline } from './deadline';
import { isOpen, refreshRequest } from './refresh';
import { findRequest, listRequestPage, toView, updateRequest, type StoredRequest } from './store';

/** The stored certificate as bare base64 DER; it was decoded when stored, so it reads back. */
function certificateBase64(row: StoredRequest): string {
  const base64 = row.certificatePem ? pemToBase64Der(row.certificatePem) : null;
  if (!base64) throw new ApiError(404, 'no_certificate', 'The request has no issued certificate.');
  return base64;
}

async function mustFind(id: string): Promise<StoredRequest> {
  const row = await findRequest(id);
  if (!row) throw new ApiError(404, 'request_not_found', 'There is no such request.');
  return row;
}

/**
 * One request, read from the TSB now if it is open: what a tracker cycle does for it, within `signal`
 * (default: userDeadline()). Pages read the registry instead (read.ts); this is for tools and tests that
 * must not wait for the tracker.
 */
export async function refreshRequestNow(
  id: string,
  signal: AbortSignal = userDeadline(),
): Promise<RequestView> {
  return toView(await refreshRequest(await mustFind(id), signal));
}

/**
 * One page of requests, filtered and sorted. Read from the registry only: the tracker keeps open requests
 * current, so listing costs the TSB nothing however many people look.
 */
export async function listRequests(query: RequestListQuery): Promise<RequestPage> {
  const { rows, total } = await listRequestPage(query);
  return { requests: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}

export const cancelUnknownMessage =
  'The TSB did not answer the cancellation in time, so whether the request was cancelled is not known yet. ' +
  'The request shows it once the TSB is read again; cancel again if it is still waiting.';

/**
 * Cancels a request that is still waiting for approval: a read, the cancellation, a read of what it did,
 * all within `signal` (default: userDeadline()). A cancellation whose answer is lost is a 504
 * `cancel_unknown` that changes nothing here: the request keeps the state last read, and the tracker's
 * next read of the TSB shows whether it was cancelled. When the TSB took the cancellation but the time
 * left does not allow the read after it, the request is returned as last read, for the tracker to update.
 */
export async function cancelRequest(id: string, signal: AbortSignal = userDeadline()): Promise<RequestView> {
  const row = await refreshRequest(await mustFind(id), signal);
  if (!isOpen(row) || row.tsbRequestId === null) {
    throw new ApiError(
      409,
      'not_cancellable',
      `The request is ${row.status.toLowerCase()} and can no longer be cancelled.`,
    );
  }
  if (signal.aborted)
    throw new ApiError(504, 'timeout', 'The TSB did not answer in time; nothing was cancelled. Try again.');
  try {
    await cancelUpstream(row.tsbRequestId, signal);
  } catch (error) {
    if (outcomeUnknown(error)) throw new ApiError(504, 'cancel_unknown', cancelUnknownMessage);
    throw error;
  }
  const after = await refreshRequest(row, signal).catch((error: unknown) => {
    if (error instanceof TsbError) return row;
    throw error;
  });
  return toView(after);
}

/** What a request holds while an import's answer is lost (its status stays EXECUTED). */
export function importUnknown(label: string): RequestError & { label: string } {
  return {
    code: importUnknownCode,
    label,
    message:
      `The TSB did not answer the import into ${label} in time, so whether that key now holds this certificate ` +
      'is not known. Importing it again is safe: it only attaches the same certificate again.',
  };
}

/**
 * Attaches the issued certificate to an HSM key, within `signal` (default: userDeadline()); the armor is
 * stripped here, not by the user. The import is recorded only once the TSB confirms it, on the request and
 * in the inventory in one transaction, so that their pages never disagree. When its answer is lost the
 * request holds the error `import_unknown`, never an imported label, and a 504 with the same code is
 * thrown; a later import that goes through clears it.
 */
export async function importCertificate(
  id: string,
  label: string,
  signal: AbortSignal = userDeadline(),
): Promise<RequestView> {
  const row = await mustFind(id);
  if (row.status !== 'EXECUTED') {
    throw new ApiError(409, 'no_certificate', 'The request has no issued certificate to import yet.');
  }
  try {
    await importPlainCertificate(label, certificateBase64(row), signal);
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const unknown = importUnknown(label);
    await updateRequest(id, { error: unknown });
    throw new ApiError(504, unknown.code, unknown.message);
  }
  const alongside = await importedCertificate(row.certificatePem!, label, row.id);
  return toView(await updateRequest(id, { importedLabel: label, error: null }, { alongside }));
}

function derToPemText(base64: string): string {
  return `${derToPem(fromBase64(base64) ?? new Uint8Array(), 'CERTIFICATE').trim()}\n`;
}

/** The issued certificate as a file. */
export async function certificateFile(
  id: string,
  format: 'pem' | 'der',
): Promise<{ body: string | Uint8Array<ArrayBuffer>; type: string; name: string }> {
  const row = await mustFind(id);
  const base64 = certificateBase64(row);
  const name = row.commonName.replace(/[^\w.-]+/g, '_') || 'certificate';
  if (format === 'pem')
    return { body: derToPemText(base64), type: 'application/x-pem-file', name: `${name}.pem` };
  return {
    body: new Uint8Array(Buffer.from(base64, 'base64')),
    type: 'application/pkix-cert',
    name: `${name}.cer`,
  };
}
