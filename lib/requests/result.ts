import 'server-only';
import { compareIssued, derToPem } from '@/lib/pki';
import { fromBase64 } from '@/lib/pki/bytes';
import { recordIssued } from '@/lib/certificates';
import { getKeyCertificate } from '@/lib/tsb';
import { updateRequest, type StoredRequest } from './store';

/**
 * The CA key's certificate as PEM; null when the TSB answers that the key has none (or sends one that
 * does not decode), which is a finding. Throws TsbError when the TSB could not be read: the check then
 * waits for a later read rather than blaming the certificate.
 */
export async function issuerCertificatePem(keyLabel: string, signal?: AbortSignal): Promise<string | null> {
  const base64 = await getKeyCertificate(keyLabel, signal);
  const der = base64 ? fromBase64(base64) : null;
  return der ? derToPem(der, 'CERTIFICATE') : null;
}

/**
 * What is wrong with an issued certificate against what was asked (key, CN, KU, EKU, CA flag, issuer,
 * signature); empty when it is what was asked. `issuerCertificate` is the CA key's certificate when the
 * caller read it already (issuerCertificatePem), else it is read now, within `signal`. Throws TsbError,
 * finding nothing, when it cannot be read now (timeout, reset, 5xx): callers leave the request unsettled
 * and look again.
 */
export async function checkIssued(
  row: StoredRequest,
  certificatePem: string,
  issuerCertificate?: string | null,
  signal?: AbortSignal,
): Promise<string[]> {
  const issuerCertPem =
    issuerCertificate === undefined ? await issuerCertificatePem(row.signKeyName, signal) : issuerCertificate;
  const mismatches = await compareIssued(
    {
      csrPem: row.csrPem,
      commonName: row.commonName,
      keyUsage: row.keyUsage,
      extendedKeyUsage: row.extendedKeyUsage,
      certificateAuthority: row.certificateAuthority,
      issuerCertPem,
    },
    certificatePem,
  );
  if (!issuerCertPem)
    mismatches.push('The TSB holds no readable certificate for the CA key, so the issuer was not verified.');
  return mismatches;
}

/**
 * Stores a checked certificate as the request's result and turns it EXECUTED, with `patch` (what else the
 * same read found). Mismatches are stored on the request and shown; they are never hidden, and a
 * certificate with any is kept out of the inventory of issued certificates.
 */
export async function storeExecuted(
  row: StoredRequest,
  certificatePem: string,
  executionTime: string | null,
  mismatches: string[],
  patch: Partial<StoredRequest> = {},
): Promise<StoredRequest> {
  // Before the request turns EXECUTED: after a crash in between, the request is settled again and the
  // second copy of the certificate is ignored.
  if (mismatches.length === 0)
    await recordIssued({ id: row.id, signKeyName: row.signKeyName, certificatePem });
  return await updateRequest(row.id, {
    ...patch,
    status: 'EXECUTED',
    certificatePem,
    executionTime,
    resultMismatches: mismatches,
    error: null,
  });
}

/**
 * Records an issued certificate as the request's result, checked against what was asked and against
 * `issuerCertPem`, the CA key's certificate as read before the signing call.
 */
export async function settleExecuted(
  row: StoredRequest,
  certificatePem: string,
  executionTime: string | null,
  issuerCertPem: string | null,
): Promise<StoredRequest> {
  return storeExecuted(
    row,
    certificatePem,
    executionTime,
    await checkIssued(row, certificatePem, issuerCertPem),
  );
}
