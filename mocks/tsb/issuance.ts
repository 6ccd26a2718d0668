import type { X509Certificate } from '@peculiar/x509';
import { parseCsrPem } from './csr';
import { TsbError } from './errors';
import { findKey } from './keys';
import { issueCertificate, selfSignCertificate, signerForAlgorithm } from './pki';
import type { CertificateSignFields, SelfSignFields } from './schemas';
import type { KeyRecord, Operation, Simulator } from './state';

// Checks made when a certificate operation is asked for, before any request or task exists, so that a
// request that could never execute is refused at once.

/** The key, if it may sign and can make the requested signature algorithm (607/611 otherwise). */
export async function signingKey(
  sim: Simulator,
  label: string,
  algorithm: SelfSignFields['signatureAlgorithm'],
): Promise<KeyRecord> {
  const key = findKey(sim, label);
  if (key.attributes.sign !== true)
    throw new TsbError('operationForbidden', `key ${label} does not have the sign attribute`);
  if (key.policy?.keyStatus?.blocked) throw new TsbError('operationForbidden', `key ${label} is blocked`);
  await signerForAlgorithm(key.material, algorithm);
  return key;
}

export function hasUseRule(key: KeyRecord): boolean {
  return (key.policy?.ruleUse?.tokens ?? []).length > 0;
}

/**
 * Synchronous endpoints refuse keys with an SKA use rule: 401 res.error.missing.approval (answered with
 * HTTP 400, as the code is an input problem, not a missing credential).
 */
export function requireNoUseRule(key: KeyRecord): void {
  if (hasUseRule(key)) {
    throw new TsbError(
      'missingApproval',
      `key ${key.label} has an approval policy; use the asynchronous endpoint`,
    );
  }
}

export async function signCertificateOperation(
  sim: Simulator,
  fields: CertificateSignFields,
): Promise<{ key: KeyRecord; operation: Operation }> {
  const key = await signingKey(sim, fields.signKeyName, fields.signatureAlgorithm);
  if (!key.certificate) {
    throw new TsbError(
      'operationForbidden',
      `key ${key.label} has no certificate to issue under; self-sign or import one first`,
    );
  }
  const csr = await parseCsrPem(fields.certificateSigningRequest);
  const { commonName, certificateAuthority, keyUsage, extendedKeyUsage, signatureAlgorithm } = fields;
  const profile = { commonName, certificateAuthority, keyUsage, extendedKeyUsage, signatureAlgorithm };
  return { key, operation: { type: 'signCertificate', subjectKey: csr.publicKey, profile } };
}

export async function selfSignOperation(
  sim: Simulator,
  fields: SelfSignFields,
): Promise<{ key: KeyRecord; operation: Operation }> {
  const key = await signingKey(sim, fields.signKeyName, fields.signatureAlgorithm);
  const { commonName, certificateAuthority, keyUsage, extendedKeyUsage, signatureAlgorithm } = fields;
  const profile = { commonName, certificateAuthority, keyUsage, extendedKeyUsage, signatureAlgorithm };
  return { key, operation: { type: 'selfSign', profile, validityDays: fields.validity } };
}

/** Carries out an operation with the key; a self-signed certificate replaces the key's certificate. */
export async function perform(key: KeyRecord, operation: Operation, at: Date): Promise<X509Certificate> {
  if (operation.type === 'selfSign') {
    key.certificate = await selfSignCertificate(key.material, operation.profile, at, operation.validityDays);
    return key.certificate;
  }
  if (!key.certificate)
    throw new TsbError('operationForbidden', `key ${key.label} no longer has a certificate`);
  return issueCertificate(
    { material: key.material, certificate: key.certificate },
    operation.subjectKey,
    operation.profile,
    at,
  );
}
