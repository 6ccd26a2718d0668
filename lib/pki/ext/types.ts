import type { GeneralNameView, SanView } from '../general-names';
import type { NameAttributeView } from '../names';
import type { AsnText } from '../strings';
import type { KeyUsage } from '../usages';

/** A decoded extension value, by kind. `unknown` is the fallback: no parser, or the value did not parse. */
export type ExtensionValue =
  | { kind: 'basicConstraints'; ca: boolean; pathLength: number | null }
  | { kind: 'keyUsage'; usages: KeyUsage[] }
  | { kind: 'extendedKeyUsage'; usages: { oid: string; label: string }[] }
  | { kind: 'subjectAltName' | 'issuerAltName'; names: GeneralNameView[] }
  | { kind: 'subjectKeyIdentifier'; keyId: string }
  | {
      kind: 'authorityKeyIdentifier';
      keyId: string | null;
      issuer: GeneralNameView[] | null;
      serial: string | null;
    }
  | { kind: 'crlDistributionPoints' | 'freshestCrl'; points: DistributionPointView[] }
  | { kind: 'authorityInfoAccess' | 'subjectInfoAccess'; access: AccessDescriptionView[] }
  | { kind: 'certificatePolicies'; policies: PolicyView[] }
  | { kind: 'policyConstraints'; requireExplicitPolicy: string | null; inhibitPolicyMapping: string | null }
  | { kind: 'policyMappings'; mappings: { issuerDomainPolicy: string; subjectDomainPolicy: string }[] }
  | { kind: 'nameConstraints'; permitted: GeneralNameView[] | null; excluded: GeneralNameView[] | null }
  | { kind: 'inhibitAnyPolicy'; skipCerts: string }
  | { kind: 'signedCertificateTimestamps'; timestamps: SctView[] }
  | { kind: 'ctPoison' }
  | { kind: 'tlsFeature'; features: { id: string; name: string | null }[] }
  | { kind: 'privateKeyUsagePeriod'; notBefore: string | null; notAfter: string | null }
  | { kind: 'netscapeCertType'; types: string[] }
  | { kind: 'ia5String'; text: AsnText }
  | { kind: 'msTemplateName'; name: AsnText }
  | { kind: 'msTemplate'; templateId: string; majorVersion: string; minorVersion: string | null }
  | { kind: 'msCaVersion'; certIndex: number; keyIndex: number }
  | { kind: 'unknown' };

export interface DistributionPointView {
  fullName: GeneralNameView[] | null;
  /** Relative to the CRL issuer: one RDN. */
  relativeName: NameAttributeView[] | null;
  /** Reason labels (OpenSSL's wording), null when the point covers all reasons. */
  reasons: string[] | null;
  crlIssuer: GeneralNameView[] | null;
}

export interface AccessDescriptionView {
  method: string;
  /** OpenSSL's name of the method ("OCSP", "CA Issuers"…) or the OID. */
  methodName: string;
  location: GeneralNameView;
}

export type PolicyQualifierView =
  | { type: 'cps'; uri: AsnText }
  | { type: 'userNotice'; organization: AsnText | null; numbers: string[]; explicitText: AsnText | null }
  | { type: 'other'; oid: string; hex: string };

export interface PolicyView {
  oid: string;
  /** OpenSSL's name ("X509v3 Any Policy") or the OID. */
  name: string;
  qualifiers: PolicyQualifierView[] | null;
}

export type SctView =
  | {
      version: 0;
      logId: string;
      /** ISO 8601 with milliseconds. */
      timestamp: string;
      timestampMs: number;
      extensions: string;
      hashAlgorithm: number;
      signatureAlgorithm: number;
      /** "ecdsa-with-SHA256", "sha256WithRSAEncryption", or null for other pairs. */
      signatureName: string | null;
      signature: string;
    }
  | { version: number; raw: string };

/** What the certificate and CSR views lift out of extensions, besides the printable lines. */
export interface ExtensionFacts {
  keyUsage: KeyUsage[] | null;
  /** OIDs, in encoding order. */
  extendedKeyUsage: string[] | null;
  basicConstraints: { ca: boolean; pathLength: number | null } | null;
  sans: SanView[];
  subjectKeyId: string | null;
  authorityKeyId: string | null;
}

export interface ParsedExtension {
  value: ExtensionValue;
  /** For people: OpenSSL-like text, one entry per line. */
  lines: string[];
  facts?: Partial<ExtensionFacts>;
}

/** One parser per extension OID; throws (with a reason) when the value does not parse. */
export interface ExtensionParser {
  /** OpenSSL's name of the extension ("X509v3 Key Usage"). */
  name: string;
  parse: (value: Uint8Array) => ParsedExtension;
}
