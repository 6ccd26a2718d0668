import { readPemOrDer } from './pem';
import { verifySignature } from './signature-check';
import { certificateStructure } from './x509';

/** Whether `issuer`'s public key verifies `certificate`'s signature; false for anything unreadable. */
export async function verifyCertificate(
  certificate: Uint8Array<ArrayBuffer>,
  issuer: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  try {
    const signed = certificateStructure(certificate);
    const signer = issuer === certificate ? signed : certificateStructure(issuer);
    return await verifySignature(
      signed.tbs.der,
      signed.signatureAlgorithm,
      signed.signatureValue,
      signer.tbs.subjectPublicKeyInfo,
    );
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
