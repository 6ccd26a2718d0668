import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';
import { copyBytes } from './bytes';
import { readPemOrDer } from './pem';

/** Whether `issuer`'s public key verifies `certificate`'s signature; false for anything unreadable. */
export async function verifyCertificate(certificate: Uint8Array, issuer: Uint8Array): Promise<boolean> {
  try {
    const issuerCertificate = new X509Certificate(copyBytes(issuer));
    return await new X509Certificate(copyBytes(certificate)).verify({
      publicKey: issuerCertificate.publicKey,
      signatureOnly: true,
    });
  } catch {
    return false;
  }
}

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
