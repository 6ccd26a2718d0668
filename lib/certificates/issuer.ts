import 'server-only';
import { toApiError } from '@/lib/api/errors';
import { derToPem, fromBase64, pemLabels } from '@/lib/pki';
import { getKeyCertificate } from '@/lib/tsb';

/** The issuing CA's certificate as the certificate page and the chain files use it. */
export type IssuerCertificate = { state: 'ready'; pem: string } | { state: 'unavailable'; reason: string };

/**
 * The certificate the TSB holds for the CA key `signKeyName` (as GET /api/keys/{label}/certificate reads
 * it), or why there is none: no signing key known, none attached, or the TSB could not be read. Never
 * throws; a TSB fault is described with our error vocabulary, not the upstream's body.
 */
export async function issuerCertificate(signKeyName: string | null): Promise<IssuerCertificate> {
  if (signKeyName === null) return { state: 'unavailable', reason: 'the signing key is not known.' };
  try {
    const base64 = await getKeyCertificate(signKeyName);
    const der = base64 ? fromBase64(base64) : null;
    if (!der) return { state: 'unavailable', reason: `the TSB holds no certificate for ${signKeyName}.` };
    return { state: 'ready', pem: derToPem(der, pemLabels.certificate) };
  } catch (error) {
    const reason = `the CA certificate of ${signKeyName} could not be read (${toApiError(error).message}).`;
    return { state: 'unavailable', reason };
  }
}

/** The CA certificates that belong after `pem` in a chain: none when the CA is unknown or is `pem` itself. */
export function caPemsAfter(pem: string, issuer: IssuerCertificate): string[] {
  return issuer.state === 'ready' && issuer.pem.trim() !== pem.trim() ? [issuer.pem] : [];
}
