import 'server-only';
import { tsbCall } from './client';
import {
  keyCertificateSchema,
  signRequestIdSchema,
  syncCertificateSchema,
  type SignCertificateFields,
} from './schemas';

/** Asks an SKA key to sign a CSR; the answer is a request id to follow through the approval flow. */
export async function signCertificate(
  fields: SignCertificateFields,
  metaData: string,
  signal?: AbortSignal,
): Promise<string> {
  const reply = await tsbCall('/v1/certificate/sign', {
    method: 'POST',
    body: {
      signCertificateRequest: { ...fields, metaData, metaDataSignature: null },
      requestSignature: null,
    },
    schema: signRequestIdSchema,
    signal,
  });
  return reply.signRequestId;
}

/** Signs a CSR at once with a key that has no approval policy; returns the PEM certificate. */
export async function signCertificateSync(
  fields: SignCertificateFields,
  signal?: AbortSignal,
): Promise<string> {
  const reply = await tsbCall('/v1/certificate/synchronous/sign', {
    method: 'POST',
    body: fields,
    schema: syncCertificateSchema,
    signal,
  });
  return reply.certificate;
}

/** Attaches a certificate (bare base64 DER) to an existing key. */
export async function importPlainCertificate(
  label: string,
  certificateBase64: string,
  signal?: AbortSignal,
): Promise<void> {
  await tsbCall('/v1/certificate/import/plain', {
    method: 'POST',
    body: { label, certificate: certificateBase64 },
    schema: keyCertificateSchema.partial(),
    signal,
  });
}
