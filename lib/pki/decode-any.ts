import { certificateFromRead, type CertificateView } from './certificate';
import { csrFromRead, type CsrView } from './csr';
import { readPemOrDer } from './pem';
import type { Decoded, DecodeOptions, PkiInput } from './types';

export type DecodedAny =
  | { kind: 'csr'; result: Decoded<CsrView> }
  | { kind: 'certificate'; result: Decoded<CertificateView> }
  | { kind: 'unknown'; error: string };

/** Decodes whatever was pasted: a certificate or a CSR, told apart by its bytes. Never throws. */
export async function decodeAny(
  input: PkiInput,
  now: Date = new Date(),
  options: DecodeOptions = {},
): Promise<DecodedAny> {
  const read = readPemOrDer(input);
  if (!read.ok) return { kind: 'unknown', error: read.error };
  if (read.kind === 'csr') return { kind: 'csr', result: await csrFromRead(read) };
  if (read.kind === 'certificate')
    return { kind: 'certificate', result: await certificateFromRead(read, now, options) };
  return {
    kind: 'unknown',
    error: 'This is valid DER but neither a certificate nor a certificate signing request',
  };
}
