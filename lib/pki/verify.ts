import { verifyCertificate } from './certificate';
import { readPemOrDer } from './pem';

/**
 * Whether `issuerCert`'s public key verifies the signature on `cert`. Only the signature is checked, not
 * names, validity or constraints. Either argument may be PEM, base64 or DER; false when unreadable.
 */
export async function verifySignedBy(
  cert: string | Uint8Array,
  issuerCert: string | Uint8Array,
): Promise<boolean> {
  const certificate = readPemOrDer(cert);
  const issuer = readPemOrDer(issuerCert);
  if (!certificate.ok || !issuer.ok || certificate.kind !== 'certificate' || issuer.kind !== 'certificate') {
    return false;
  }
  return verifyCertificate(certificate.der, issuer.der);
}
