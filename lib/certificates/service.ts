import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { CertificateListQuery, CertificatePage, CertificateSummary } from '@/lib/api/dto';
import type { TransactionWrite } from '@/lib/db';
import {
  findCertificateRow,
  importedCertificateWrite,
  insertCertificate,
  listCertificateRows,
} from '@/lib/db/certificates';
import { certificateRow, toSummary } from './summary';
import { toCsv } from './csv';

// The certificate inventory: what CertDesk issued through the TSB and what it imported into keys.

/** Adds a certificate a request was issued; storing the same certificate twice keeps the first. */
export async function recordIssued(request: {
  id: string;
  signKeyName: string;
  certificatePem: string;
}): Promise<void> {
  const origin = {
    source: 'issued' as const,
    request_id: request.id,
    sign_key_name: request.signKeyName,
    imported_label: null,
  };
  const row = await certificateRow(request.certificatePem, origin);
  if (row) await insertCertificate(row);
}

/**
 * The inventory's part of a confirmed import under `label` (a certificate not in the inventory yet is
 * added as imported), for the caller to run in the transaction that records the import on its request;
 * undefined when the PEM does not decode. The PEM is decoded here, before that transaction opens.
 */
export async function importedCertificate(
  pem: string,
  label: string,
  requestId: string | null,
): Promise<TransactionWrite | undefined> {
  const origin = {
    source: 'imported' as const,
    request_id: requestId,
    sign_key_name: null,
    imported_label: label,
  };
  const row = await certificateRow(pem, origin);
  return row ? importedCertificateWrite({ ...row, imported_label: label }) : undefined;
}

export async function listCertificates(query: CertificateListQuery): Promise<CertificatePage> {
  const now = new Date();
  const { rows, total } = await listCertificateRows(query, now);
  return {
    certificates: rows.map((row) => toSummary(row, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One certificate's summary and PEM. */
export async function getCertificate(id: string): Promise<CertificateSummary & { pem: string }> {
  const row = await findCertificateRow(id);
  if (!row) throw new ApiError(404, 'certificate_not_found', 'There is no such certificate.');
  return { ...toSummary(row, new Date()), pem: row.pem };
}

const csvColumns: { header: string; value: (c: CertificateSummary) => string | null }[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'source', value: (c) => c.source },
  { header: 'common_name', value: (c) => c.commonName },
  { header: 'subject', value: (c) => c.subject },
  { header: 'issuer', value: (c) => c.issuer },
  { header: 'serial_hex', value: (c) => c.serialHex },
  { header: 'not_before', value: (c) => c.notBefore },
  { header: 'not_after', value: (c) => c.notAfter },
  { header: 'expiry', value: (c) => c.expiry },
  { header: 'sha256_fingerprint', value: (c) => c.sha256Fingerprint },
  { header: 'sign_key_name', value: (c) => c.signKeyName },
  { header: 'imported_label', value: (c) => c.importedLabel },
  // An empty imported_label is not "not imported" when an import's answer was lost: this column says which.
  { header: 'hsm_import', value: (c) => c.hsmImport.state },
  { header: 'request_id', value: (c) => c.requestId },
  { header: 'created_at', value: (c) => c.createdAt },
];

/** Every certificate matching the filters (paging ignored) as a CSV or JSON download. */
export async function exportCertificates(
  query: CertificateListQuery,
  format: 'csv' | 'json',
): Promise<{ body: string; type: string; name: string }> {
  const now = new Date();
  const { rows } = await listCertificateRows(query, now, { all: true });
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'json') {
    const body = JSON.stringify(
      rows.map((row) => ({ ...toSummary(row, now), pem: row.pem })),
      null,
      2,
    );
    return { body, type: 'application/json; charset=utf-8', name: `certificates-${stamp}.json` };
  }
  const body = toCsv(
    csvColumns,
    rows.map((row) => toSummary(row, now)),
  );
  return { body, type: 'text/csv; charset=utf-8', name: `certificates-${stamp}.csv` };
}
