import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { RequestListQuery, RequestPage, RequestView } from '@/lib/api/dto';
import { recordImported } from '@/lib/certificates';
import { derToPem, fromBase64, pemToBase64Der } from '@/lib/pki';
import { cancelRequest as cancelUpstream, importPlainCertificate } from '@/lib/tsb';
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
 * One request, read from the TSB now if it is open: what a tracker cycle does for it. Pages read the
 * registry instead (read.ts); this is for tools and tests that must not wait for the tracker.
 */
export async function refreshRequestNow(id: string): Promise<RequestView> {
  return toView(await refreshRequest(await mustFind(id)));
}

/**
 * One page of requests, filtered and sorted. Read from the registry only: the tracker keeps open requests
 * current, so listing costs the TSB nothing however many people look.
 */
export async function listRequests(query: RequestListQuery): Promise<RequestPage> {
  const { rows, total } = await listRequestPage(query);
  return { requests: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}

/** Cancels a request that is still waiting for approval. */
export async function cancelRequest(id: string): Promise<RequestView> {
  const row = await refreshRequest(await mustFind(id));
  if (!isOpen(row) || row.tsbRequestId === null) {
    throw new ApiError(409, 'not_cancellable', `The request is ${row.status.toLowerCase()} and can no longer be cancelled.`);
  }
  await cancelUpstream(row.tsbRequestId);
  return toView(await refreshRequest(row));
}

/** Attaches the issued certificate to an HSM key; the armor is stripped here, not by the user. */
export async function importCertificate(id: string, label: string): Promise<RequestView> {
  const row = await mustFind(id);
  if (row.status !== 'EXECUTED') {
    throw new ApiError(409, 'no_certificate', 'The request has no issued certificate to import yet.');
  }
  await importPlainCertificate(label, certificateBase64(row));
  await recordImported(row.certificatePem!, label, row.id);
  return toView(await updateRequest(id, { importedLabel: label }));
}

function derToPemText(base64: string): string {
  return `${derToPem(fromBase64(base64) ?? new Uint8Array(), 'CERTIFICATE').trim()}\n`;
}

/** The issued certificate as a file. */
export async function certificateFile(id: string, format: 'pem' | 'der'): Promise<{ body: string | Uint8Array<ArrayBuffer>; type: string; name: string }> {
  const row = await mustFind(id);
  const base64 = certificateBase64(row);
  const name = row.commonName.replace(/[^\w.-]+/g, '_') || 'certificate';
  if (format === 'pem') return { body: derToPemText(base64), type: 'application/x-pem-file', name: `${name}.pem` };
  return { body: new Uint8Array(Buffer.from(base64, 'base64')), type: 'application/pkix-cert', name: `${name}.cer` };
}
