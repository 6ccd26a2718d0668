import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { audited, auditActor } from '@/lib/audit';
import type { Actor } from '@/lib/auth/types';
import { readPemOrDer } from '@/lib/pki';
import { toChainPem, toPkcs7 } from '@/lib/pki/bundle';
import { caPemsAfter, issuerCertificate } from './issuer';
import { getCertificate } from './service';

// A stored certificate as a file: PEM, DER, a PEM chain with its CA's certificate, or a certs-only PKCS#7.

export const certificateFormats = ['pem', 'der', 'chain', 'p7b'] as const;
export type CertificateFormat = (typeof certificateFormats)[number];

export type CertificateFile = { body: string | Uint8Array<ArrayBuffer>; type: string; name: string };

const pemType = 'application/x-pem-file';

async function build(id: string, format: CertificateFormat): Promise<CertificateFile & { withCa: boolean }> {
  const certificate = await getCertificate(id);
  const { pem } = certificate;
  const name = (certificate.commonName ?? '').replace(/[^\w.-]+/g, '_') || 'certificate';
  if (format === 'pem') return { body: pem, type: pemType, name: `${name}.pem`, withCa: false };
  if (format === 'der') {
    const read = readPemOrDer(pem);
    if (!read.ok) throw new Error(`stored certificate ${id} is not readable: ${read.error}`);
    return { body: read.der, type: 'application/pkix-cert', name: `${name}.cer`, withCa: false };
  }
  const issuer = await issuerCertificate(certificate.signKeyName);
  // A certificate that is its own CA certificate is a chain by itself.
  const caPems = caPemsAfter(pem, issuer);
  if (format === 'chain') {
    if (issuer.state !== 'ready') throw new ApiError(404, 'issuer_not_found', `No chain: ${issuer.reason}`);
    return {
      body: toChainPem([pem, ...caPems]),
      type: pemType,
      name: `${name}-chain.pem`,
      withCa: caPems.length > 0,
    };
  }
  // As the certificate page says: with the CA's certificate when it can be read, this one alone otherwise.
  const body = toPkcs7([pem, ...caPems]);
  return { body, type: 'application/pkcs7-mime', name: `${name}.p7b`, withCa: caPems.length > 0 };
}

/**
 * The file of stored certificate `id` in `format`, audited as 'certificate.download' (intent, then
 * outcome with whether the CA's certificate is in it). 404 for an unknown id, and for a chain whose CA
 * certificate is not known.
 */
export async function certificateFile(
  id: string,
  format: CertificateFormat,
  actor: Actor | null,
): Promise<CertificateFile> {
  const action = {
    actor: auditActor(actor),
    action: 'certificate.download',
    target: `certificate:${id}`,
    details: { format },
  };
  const built = await audited(
    action,
    () => build(id, format),
    (file) => ({ details: { withCa: file.withCa } }),
  );
  return { body: built.body, type: built.type, name: built.name };
}
