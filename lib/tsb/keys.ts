import 'server-only';
import { tsbCall, TsbError } from './client';
import {
  keyCertificateSchema,
  keyLabelsSchema,
  signedKeyAttributesSchema,
  type KeyAttributes,
} from './schemas';

const segment = (label: string) => encodeURIComponent(label);

/** Labels of every key the credential can see. */
export function listKeys(): Promise<string[]> {
  return tsbCall('/v1/key', { schema: keyLabelsSchema });
}

/** A key's attributes including its SKA policy (null for keys without one). */
export async function getKeyAttributes(label: string, signal?: AbortSignal): Promise<KeyAttributes> {
  const reply = await tsbCall('/v1/key/attributes', {
    method: 'POST',
    body: { label },
    schema: signedKeyAttributesSchema,
    idempotent: true,
    signal,
  });
  return reply.json;
}

/** The certificate attached to a key, as bare base64 DER; null when the key has none. */
export async function getKeyCertificate(label: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const reply = await tsbCall(`/v1/certificate/${segment(label)}`, {
      schema: keyCertificateSchema,
      signal,
    });
    return reply.certificate;
  } catch (error) {
    if (error instanceof TsbError && error.status === 404) return null;
    throw error;
  }
}
