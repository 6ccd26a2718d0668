import 'reflect-metadata';
import { X509Certificate, X509Certificates } from '@peculiar/x509';
import { derToPem, pemLabels, readPemOrDer } from './pem';

// Files built from certificates we already hold: a PEM chain and a certs-only PKCS#7 (.p7b), the two
// forms servers and Windows certificate stores import. Both are built in the browser for downloads.

function certificateDers(pems: readonly string[]): Uint8Array<ArrayBuffer>[] {
  return pems.map((pem, index) => {
    const read = readPemOrDer(pem);
    if (!read.ok) throw new Error(`Certificate ${index + 1}: ${read.error}`);
    if (read.kind !== 'certificate') throw new Error(`Certificate ${index + 1} is not a certificate`);
    return read.der;
  });
}

/**
 * A certs-only CMS SignedData (RFC 5652 §5, no signers), DER-encoded, holding `pems` in the given order
 * (leaf first). Throws when an entry is not a certificate.
 */
export function toPkcs7(pems: readonly string[]): Uint8Array<ArrayBuffer> {
  const certificates = certificateDers(pems).map((der) => new X509Certificate(der));
  return new Uint8Array(new X509Certificates(certificates).export('raw'));
}

/** The certificates as one PEM file, leaf first, each block re-armoured from its DER. */
export function toChainPem(pems: readonly string[]): string {
  return certificateDers(pems)
    .map((der) => derToPem(der, pemLabels.certificate))
    .join('');
}
