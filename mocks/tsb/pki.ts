import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { fromBase64, toHex } from '@/lib/pki/bytes';
import {
  extendedKeyUsageOids,
  keyUsageBits,
  type ExtendedKeyUsage,
  type KeyUsage,
  type SignatureAlgorithm,
} from '@/lib/pki/usages';
import { signatureSpec, signerFor, type KeyMaterial } from './crypto';
import { TsbError } from './errors';

// X.509 work of the simulated HSM: certificates really signed by the CA key, CSRs signed by the key.

export interface CertificateProfile {
  commonName: string;
  certificateAuthority: boolean;
  keyUsage?: readonly KeyUsage[] | null;
  extendedKeyUsage?: readonly ExtendedKeyUsage[] | null;
  signatureAlgorithm: SignatureAlgorithm;
}

const day = 86_400_000;
/** Issued certificates are valid for this many days; the sign DTOs have no validity field (tsb-api.md §3.1). */
export const issuedValidityDays = 365;

/** Midnight UTC of the day, as in the TSB's issued certificate (tsb-api.md §3.1, fixture seed-approver-sub). */
export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / day) * day);
}

/** The WebCrypto signer for a requested algorithm; 607 when it does not fit the key, 611 for SHA-224. */
export async function signerForAlgorithm(material: KeyMaterial, algorithm: SignatureAlgorithm) {
  const spec = signatureSpec(algorithm);
  if (!spec) throw new TsbError('unsupportedOperation', `${algorithm} is not supported by this simulator`);
  if (spec.family !== material.algorithm) {
    throw new TsbError(
      'algorithmNotSupported',
      `${algorithm} cannot be used with a ${material.algorithm} key`,
    );
  }
  return signerFor(material, spec.hash);
}

/** Positive serial of 16 random bytes: top bit cleared, so at most 16 octets once DER-encoded. */
function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f || 0x01;
  return toHex(bytes);
}

/** KeyUsage (critical) and ExtendedKeyUsage extensions for the requested usages; none when none asked. */
export function usageExtensions(
  keyUsage: readonly KeyUsage[] | null | undefined,
  extendedKeyUsage: readonly ExtendedKeyUsage[] | null | undefined,
): x509.Extension[] {
  const extensions: x509.Extension[] = [];
  if (keyUsage?.length) {
    const flags = keyUsage.reduce((all, usage) => all | (1 << keyUsageBits[usage]), 0);
    extensions.push(new x509.KeyUsagesExtension(flags, true));
  }
  if (extendedKeyUsage?.length) {
    extensions.push(
      new x509.ExtendedKeyUsageExtension(extendedKeyUsage.map((usage) => extendedKeyUsageOids[usage])),
    );
  }
  return extensions;
}

function extensionsFor(profile: CertificateProfile): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(profile.certificateAuthority, undefined, true),
    ...usageExtensions(profile.keyUsage, profile.extendedKeyUsage),
  ];
}

const commonNameOnly = (commonName: string) => new x509.Name([{ CN: [{ utf8String: commonName }] }]);

interface Issuer {
  material: KeyMaterial;
  /** The CA key's certificate; null for a self-signed certificate. */
  certificate: x509.X509Certificate | null;
}

/**
 * A certificate for `subjectKey` signed by the issuer's key: subject CN only, issuer = the CA certificate's
 * subject (or the subject itself when self-signed), AKI = the issuer's SKI, notBefore = midnight UTC of
 * `now`, valid `validityDays` days.
 */
export async function issueCertificate(
  issuer: Issuer,
  subjectKey: x509.PublicKey,
  profile: CertificateProfile,
  now: Date,
  validityDays = issuedValidityDays,
): Promise<x509.X509Certificate> {
  const signer = await signerForAlgorithm(issuer.material, profile.signatureAlgorithm);
  const subjectKeyId = await x509.SubjectKeyIdentifierExtension.create(subjectKey);
  const issuerKeyId = issuer.certificate
    ? (issuer.certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId ??
      (await x509.SubjectKeyIdentifierExtension.create(issuer.certificate.publicKey)).keyId)
    : subjectKeyId.keyId;
  const notBefore = startOfUtcDay(now);
  return x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: commonNameOnly(profile.commonName),
    issuer: issuer.certificate?.subjectName ?? commonNameOnly(profile.commonName),
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityDays * day),
    publicKey: subjectKey,
    signingKey: signer.key,
    signingAlgorithm: signer.algorithm,
    extensions: [
      new x509.AuthorityKeyIdentifierExtension(issuerKeyId),
      subjectKeyId,
      ...extensionsFor(profile),
    ],
  });
}

/** A self-signed certificate of the key (what the TSB attaches on selfsign and on CSR creation). */
export function selfSignCertificate(
  material: KeyMaterial,
  profile: CertificateProfile,
  now: Date,
  validityDays: number,
) {
  return issueCertificate({ material, certificate: null }, publicKeyOf(material), profile, now, validityDays);
}

export function publicKeyOf(material: KeyMaterial): x509.PublicKey {
  return new x509.PublicKey(fromBase64(material.spki) ?? new Uint8Array());
}
