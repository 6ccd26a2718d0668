import 'server-only';
import { randomUUID } from 'node:crypto';
import type { CertificateSummary } from '@/lib/api/dto';
import { hsmImportOf } from '@/lib/api/hsm-import';
import { expiringWithinMs, type InventoryRow } from '@/lib/db/certificates';
import type { CertificateRow, NewCertificateRow } from '@/lib/db/schema';
import { decodeCertificate } from '@/lib/pki';

type Origin = Pick<NewCertificateRow, 'source' | 'request_id' | 'sign_key_name' | 'imported_label'>;

/** The row for a PEM certificate, with its decoded summary columns; null when it does not decode. */
export async function certificateRow(pem: string, origin: Origin): Promise<NewCertificateRow | null> {
  const decoded = await decodeCertificate(pem);
  if (!decoded.ok) return null;
  const { view } = decoded;
  return {
    id: randomUUID(),
    ...origin,
    serial_hex: view.serialHex,
    subject: view.subject.text,
    issuer: view.issuer.text,
    common_name: view.commonName,
    not_before: view.notBefore,
    not_after: view.notAfter,
    sha256_fingerprint: view.sha256Fingerprint,
    pem: view.pem.trim(),
    created_at: new Date().toISOString(),
  };
}

export function expiryAt(
  row: Pick<CertificateRow, 'not_before' | 'not_after'>,
  now: Date,
): CertificateSummary['expiry'] {
  const at = now.getTime();
  if (Date.parse(row.not_before) > at) return 'not-yet-valid';
  const end = Date.parse(row.not_after);
  if (end < at) return 'expired';
  return end < at + expiringWithinMs ? 'expiring' : 'valid';
}

export function toSummary(row: InventoryRow, now: Date): CertificateSummary {
  return {
    id: row.id,
    source: row.source,
    requestId: row.request_id,
    signKeyName: row.sign_key_name,
    importedLabel: row.imported_label,
    hsmImport: hsmImportOf({ importedLabel: row.imported_label, error: row.request_error }),
    serialHex: row.serial_hex,
    subject: row.subject,
    issuer: row.issuer,
    commonName: row.common_name,
    notBefore: row.not_before,
    notAfter: row.not_after,
    expiry: expiryAt(row, now),
    sha256Fingerprint: row.sha256_fingerprint,
    createdAt: row.created_at,
  };
}
