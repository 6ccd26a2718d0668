import { readPemOrDer } from './pem';
import { verifySignature } from './signature-check';
import { readCertificate, type CertificateStructure } from './x509';

/** Whether `signer`'s public key verifies `signed`'s signature; never throws. */
export function verifyStructure(
  signed: CertificateStructure,
  signer: CertificateStructure,
): Promise<boolean> {
  return verifySignature(
    signed.tbs.der,
    signed.signatureAlgorithm,
    signed.signatureValue,
    signer.tbs.subjectPublicKeyInfo,
  );
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
  try {
    return await verifyStructure(readCertificate(certificate.tree), readCertificate(issuer.tree));
  } catch {
    return false;
  }
}
