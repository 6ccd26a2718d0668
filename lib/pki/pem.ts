import { sha256 } from '@noble/hashes/sha2.js';
import { decodeScanned, type AsnNode } from './asn';
import { copyBytes, fromBase64, toBase64, toHex } from './bytes';
import { scanDer } from './der-scan';
import type { PkiInput } from './types';
import { outlineKind } from './x509';

/** Larger inputs are refused before any parsing: no certificate or CSR we handle comes near. */
export const maxInputBytes = 16 * 1024;

export const pemLabels = { certificate: 'CERTIFICATE', csr: 'CERTIFICATE REQUEST' } as const;
const acceptedLabels = new Map<string, 'certificate' | 'csr'>([
  ['CERTIFICATE', 'certificate'],
  ['CERTIFICATE REQUEST', 'csr'],
  ['NEW CERTIFICATE REQUEST', 'csr'],
]);

export type DerKind = 'certificate' | 'csr' | 'unknown';
export type ReadResult =
  | {
      ok: true;
      kind: DerKind;
      der: Uint8Array<ArrayBuffer>;
      label: string | null;
      /** The decoded DER, which the certificate and CSR decoders read on. */
      tree: AsnNode;
    }
  | { ok: false; error: string };

const fail = (error: string): ReadResult => ({ ok: false, error });

/**
 * Reads one certificate or CSR given as PEM text, bare base64 DER or binary DER. The kind comes from the
 * bytes, never from the label; a label that contradicts them is an error. Never throws.
 */
export function readPemOrDer(input: PkiInput): ReadResult {
  if (typeof input !== 'string') {
    const bytes = copyBytes(input);
    if (bytes.length === 0) return fail('The input is empty');
    if (bytes.length > maxInputBytes) return fail(tooLarge(bytes.length));
    if (bytes[0] === 0x30) return classify(bytes, null);
    try {
      return readText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return fail('The file is neither DER nor PEM text');
    }
  }
  return readText(input);
}

function readText(text: string): ReadResult {
  if (text.trim() === '') return fail('The input is empty');
  if (text.length > maxInputBytes) return fail(tooLarge(text.length));
  const blocks = text.match(/-----BEGIN [^-]*-----/g)?.length ?? 0;
  if (blocks > 1) return fail(`The input contains ${blocks} PEM blocks; paste one`);
  if (blocks === 0) {
    const der = fromBase64(text);
    return der ? classify(der, null) : fail('The input is neither PEM nor valid base64');
  }
  const block = /-----BEGIN ([^-]*)-----([\s\S]*?)-----END ([^-]*)-----/.exec(text);
  if (!block) return fail('The PEM block has no END line');
  const [, label = '', body = '', endLabel = ''] = block;
  if (label !== endLabel) return fail(`The PEM block begins with "${label}" but ends with "${endLabel}"`);
  if (label.includes('PRIVATE KEY')) {
    return fail('This is a private key: it must never leave its owner. Paste the certificate or CSR instead');
  }
  if (!acceptedLabels.has(label)) {
    return fail(`The PEM block is labelled "${label}"; expected CERTIFICATE or CERTIFICATE REQUEST`);
  }
  const der = fromBase64(body);
  return der ? classify(der, label) : fail('The PEM body is not valid base64');
}

function classify(der: Uint8Array<ArrayBuffer>, label: string | null): ReadResult {
  const scan = scanDer(der);
  if (!scan.ok) return fail(`The data is not valid DER: ${scan.error}`);
  let tree: AsnNode;
  try {
    tree = decodeScanned(der);
  } catch (error) {
    return fail(`The data is not valid DER: ${error instanceof Error ? error.message : String(error)}`);
  }
  const kind = outlineKind(tree);
  const labelled = label === null ? undefined : acceptedLabels.get(label);
  if (labelled && labelled !== kind) {
    const found =
      kind === 'unknown' ? 'something else' : kind === 'csr' ? 'a certificate request' : 'a certificate';
    return fail(`The PEM block is labelled ${label} but contains ${found}`);
  }
  return { ok: true, kind, der, label, tree };
}

function tooLarge(size: number): string {
  return `The input is ${Math.ceil(size / 1024)} KiB; the limit is ${maxInputBytes / 1024} KiB`;
}

/** PEM with 64-column lines and a final newline. */
export function derToPem(der: Uint8Array | ArrayBuffer, label: string): string {
  return base64ToPem(toBase64(der), label);
}

/** PEM armour around base64 DER already at hand. */
export function base64ToPem(base64: string, label: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Bare base64 DER (no armor, no line breaks), as /v1/certificate/import/plain wants it.
 * Null when the input is not one readable certificate or CSR.
 */
export function pemToBase64Der(pem: string): string | null {
  const read = readPemOrDer(pem);
  return read.ok ? toBase64(read.der) : null;
}

/**
 * Lower-case hex SHA-256. Synchronous inside (runs in the browser and in Node): a WebCrypto digest of a few
 * hundred octets is a round trip through the thread pool, slower than hashing them here.
 */
export function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  return Promise.resolve(sha256HexNow(bytes));
}

export function sha256HexNow(bytes: Uint8Array | ArrayBuffer): string {
  return toHex(sha256(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
}
