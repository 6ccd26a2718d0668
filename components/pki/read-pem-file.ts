import { loadPki } from './load-pki';

/** What a dropped or chosen file holds, as PEM text ready for the text area. */
export type PemFileResult = { ok: true; pem: string } | { ok: false; error: string };

/**
 * PEM text is kept as written; DER is re-armoured. lib/pki (and its ASN.1 stack) is loaded only when a
 * file actually arrives, so the page's first load stays small.
 */
export async function readPemFile(bytes: Uint8Array): Promise<PemFileResult> {
  const text = asText(bytes);
  if (text?.includes('-----BEGIN')) return { ok: true, pem: text };
  const { derToPem, pemLabels, readPemOrDer } = await loadPki();
  const read = readPemOrDer(bytes);
  if (!read.ok) return { ok: false, error: read.error };
  if (read.kind === 'unknown') return { ok: false, error: 'The file is neither a certificate nor a CSR' };
  return { ok: true, pem: derToPem(read.der, pemLabels[read.kind]) };
}

function asText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
