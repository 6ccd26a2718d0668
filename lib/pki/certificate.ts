import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { algorithmView } from './algorithm';
import type { AsnNode } from './asn';
import { toBase64, toColonHex, toHex } from './bytes';
import { extendedKeyUsageName } from './eku';
import { decodeExtensions, type ExtensionView } from './extensions';
import type { SanView } from './general-names';
import { commonNameOf, nameView, sameName, type NameView } from './names';
import { base64ToPem, pemLabels, readPemOrDer, type ReadResult } from './pem';
import { publicKeyView, type PublicKeyView } from './public-key';
import { serialView } from './serial';
import type { AlgorithmView, Decoded, DecodeOptions, PkiInput } from './types';
import type { ExtendedKeyUsage, KeyUsage } from './usages';
import { verifyStructure } from './verify';
import { readCertificate } from './x509';

export interface CertificateView {
  pem: string;
  /** Bare base64 DER, as /v1/certificate/import/plain wants it. */
  derBase64: string;
  version: number;
  serialHex: string;
  serialDecimal: string;
  subject: NameView;
  issuer: NameView;
  commonName: string | null;
  notBefore: string;
  notAfter: string;
  /** daysLeft counts whole days until notAfter; negative once expired. */
  validity: { state: 'not-yet-valid' | 'valid' | 'expired'; daysLeft: number };
  publicKey: PublicKeyView;
  signatureAlgorithm: AlgorithmView;
  /** The algorithm named inside the signed part; it must equal signatureAlgorithm (RFC 5280 §4.1.2.3). */
  tbsSignatureAlgorithm: AlgorithmView;
  /** The signature, lower-case hex. */
  signatureValue: string;
  /** Version 2 unique identifiers, lower-case hex; null when absent. */
  issuerUniqueId: string | null;
  subjectUniqueId: string | null;
  /** null when the certificate has no keyUsage extension. */
  keyUsage: KeyUsage[] | null;
  extendedKeyUsage: { oid: string; name: ExtendedKeyUsage | null; label: string }[] | null;
  basicConstraints: { ca: boolean; pathLength: number | null } | null;
  sans: SanView[];
  /** Key identifiers as OpenSSL prints them: upper-case, colon-separated. */
  subjectKeyId: string | null;
  authorityKeyId: string | null;
  extensions: ExtensionView[];
  /** Upper-case, colon-separated, like `openssl x509 -fingerprint`. */
  sha256Fingerprint: string;
  sha1Fingerprint: string;
  /**
   * Subject equals issuer and the certificate's own key verifies its signature; null when not checked
   * (decoded with `checkSelfSignature: false`).
   */
  selfSigned: boolean | null;
}

const dayMs = 86_400_000;

/** Decodes an X.509 certificate; `now` decides the validity state. Never throws. */
export async function decodeCertificate(
  input: PkiInput,
  now: Date = new Date(),
  options: DecodeOptions = {},
): Promise<Decoded<CertificateView>> {
  return certificateFromRead(readPemOrDer(input), now, options);
}

export async function certificateFromRead(
  read: ReadResult,
  now: Date,
  options: DecodeOptions = {},
): Promise<Decoded<CertificateView>> {
  if (!read.ok) return read;
  if (read.kind !== 'certificate') {
    const found = read.kind === 'csr' ? 'a certificate signing request' : 'some other DER structure';
    return { ok: false, error: `This is ${found}, not a certificate` };
  }
  try {
    return await certificateView(read, now, options.checkSelfSignature ?? true);
  } catch (error) {
    return {
      ok: false,
      error: `The certificate could not be decoded: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

async function certificateView(
  { der, tree }: { der: Uint8Array<ArrayBuffer>; tree: AsnNode },
  now: Date,
  checkSelfSignature: boolean,
): Promise<Decoded<CertificateView>> {
  const asn = readCertificate(tree);
  const { tbs } = asn;
  const subject = nameView(tbs.subject);
  const issuer = nameView(tbs.issuer);
  // The WebCrypto signature check runs on its own threads while the rest is decoded.
  const selfSignature = checkSelfSignature ? sameName(subject, issuer) && verifyStructure(asn, asn) : null;
  const publicKey = publicKeyView(tbs.subjectPublicKeyInfo);
  const extensions = decodeExtensions(tbs.extensions ?? []);
  const serial = serialView(tbs.serial);
  const { notBefore, notAfter } = tbs;
  const uniqueId = (id: Uint8Array | null) => (id ? toHex(id) : null);
  const derBase64 = toBase64(der);
  const signatureValue = toHex(asn.signatureValue);
  const selfSigned = await selfSignature;
  const view: CertificateView = {
    pem: base64ToPem(derBase64, pemLabels.certificate),
    derBase64,
    version: tbs.version + 1,
    serialHex: serial.hex,
    serialDecimal: serial.decimal,
    subject,
    issuer,
    commonName: commonNameOf(subject),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    validity: validityAt(now, notBefore, notAfter),
    publicKey: publicKey.view,
    signatureAlgorithm: algorithmView(asn.signatureAlgorithm),
    tbsSignatureAlgorithm: algorithmView(tbs.signature),
    signatureValue,
    issuerUniqueId: uniqueId(tbs.issuerUniqueId),
    subjectUniqueId: uniqueId(tbs.subjectUniqueId),
    keyUsage: extensions.keyUsage,
    extendedKeyUsage: extensions.extendedKeyUsage?.map(extendedKeyUsageName) ?? null,
    basicConstraints: extensions.basicConstraints,
    sans: extensions.sans,
    subjectKeyId: extensions.subjectKeyId,
    authorityKeyId: extensions.authorityKeyId,
    extensions: extensions.views,
    sha256Fingerprint: toColonHex(sha256(der)),
    sha1Fingerprint: toColonHex(sha1(der)),
    selfSigned,
  };
  const warnings = [...publicKey.warnings, ...extensions.warnings];
  if (!serial.positive) warnings.push('The serial number is not positive (RFC 5280 §4.1.2.2)');
  if (serial.octets > 20)
    warnings.push(`The serial number is ${serial.octets} octets long; RFC 5280 allows 20`);
  if (tbs.signature.oid !== asn.signatureAlgorithm.oid) {
    warnings.push('The inner and outer signature algorithms differ');
  }
  return { ok: true, view, warnings };
}

function validityAt(now: Date, notBefore: Date, notAfter: Date): CertificateView['validity'] {
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / dayMs);
  if (now < notBefore) return { state: 'not-yet-valid', daysLeft };
  return { state: now > notAfter ? 'expired' : 'valid', daysLeft };
}
