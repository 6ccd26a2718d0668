import { parseAsn } from './asn';
import { fromBase64, stripWhitespace, toBase64 } from './bytes';
import { commonNameOf, nameView } from './names';
import { readCertificate } from './x509';

// Approver keys travel as base64 DER SubjectPublicKeyInfo; the TSB reports approvals by that key even
// when the policy names the approver by certificate, so both sides are reduced to one canonical form.

/** Canonical form of a base64 SPKI for comparison: whitespace removed. */
export function normaliseSpkiBase64(value: string): string {
  return stripWhitespace(value);
}

export interface CertificateIdentity {
  spkiBase64: string;
  commonName: string | null;
}

const identityCache = new Map<string, CertificateIdentity | null>();
const identityCacheLimit = 512;

/**
 * Public key (base64 DER SPKI) and CN of a base64 DER certificate, or null when it does not parse.
 * Synchronous and memoised: the tracker evaluates the same policy on every poll.
 */
export function certificateIdentity(certificateBase64: string): CertificateIdentity | null {
  const key = stripWhitespace(certificateBase64);
  const cached = identityCache.get(key);
  if (cached !== undefined) return cached;
  const identity = parseIdentity(key);
  if (identityCache.size >= identityCacheLimit) identityCache.clear();
  identityCache.set(key, identity);
  return identity;
}

function parseIdentity(base64: string): CertificateIdentity | null {
  const der = fromBase64(base64);
  if (!der) return null;
  try {
    // Plain ASN.1 reading keeps the policy evaluator free of the x509 stack in browser bundles.
    const { tbs } = readCertificate(parseAsn(der));
    return {
      spkiBase64: toBase64(tbs.subjectPublicKeyInfo.der),
      commonName: commonNameOf(nameView(tbs.subject)),
    };
  } catch {
    return null;
  }
}
