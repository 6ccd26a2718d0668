import type { ExtensionView } from '../extensions';
import type { KeyUsage } from '../usages';
import { findingsFor, type Finding } from './types';

// Basic constraints, key usage and extended key usage, for CA and subscriber certificates (zlint's names).

export interface UsageFacts {
  ca: boolean;
  keyUsage: KeyUsage[] | null;
  /** EKU OIDs; null without the extension. */
  extendedKeyUsage: string[] | null;
  extensions: ExtensionView[];
}

const eku = {
  any: '2.5.29.37.0',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
};

/** Key usages each extended key usage is consistent with (RFC 5280 §4.2.1.12). */
const consistentKeyUsages: Record<string, KeyUsage[]> = {
  [eku.serverAuth]: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT', 'KEY_AGREEMENT'],
  [eku.clientAuth]: ['DIGITAL_SIGNATURE', 'KEY_AGREEMENT'],
  [eku.codeSigning]: ['DIGITAL_SIGNATURE'],
  [eku.emailProtection]: ['DIGITAL_SIGNATURE', 'CONTENT_COMMITMENT', 'KEY_ENCIPHERMENT', 'KEY_AGREEMENT'],
  [eku.timeStamping]: ['DIGITAL_SIGNATURE', 'CONTENT_COMMITMENT'],
  [eku.ocspSigning]: ['DIGITAL_SIGNATURE', 'CONTENT_COMMITMENT'],
};

const critical = (extensions: ExtensionView[], oid: string) =>
  extensions.find((e) => e.oid === oid)?.critical;

export function caUsageFindings(facts: UsageFacts): Finding[] {
  const findings: Finding[] = [];
  const error = findingsFor('extensions', findings).bind(null, 'error');
  if (critical(facts.extensions, '2.5.29.19') === false) {
    error('e_basic_constraints_not_critical', 'A CA certificate must mark basicConstraints critical');
  }
  if (facts.keyUsage === null)
    error('e_ca_key_usage_missing', 'A CA certificate must have a keyUsage extension');
  else {
    if (!facts.keyUsage.includes('KEY_CERT_SIGN')) {
      error('e_ca_key_cert_sign_not_set', 'A CA certificate must assert keyCertSign');
    }
    if (!facts.keyUsage.includes('CRL_SIGN'))
      error('e_ca_crl_sign_not_set', 'A CA certificate must assert cRLSign');
    if (critical(facts.extensions, '2.5.29.15') === false) {
      error('e_ca_key_usage_not_critical', 'A CA certificate must mark keyUsage critical');
    }
  }
  if (!facts.extensions.some((e) => e.oid === '2.5.29.14')) {
    error('e_ext_subject_key_identifier_missing_ca', 'A CA certificate must have a subjectKeyIdentifier');
  }
  return findings;
}

export function subscriberUsageFindings(facts: UsageFacts): Finding[] {
  const findings: Finding[] = [];
  const add = findingsFor('extensions', findings);
  if (facts.keyUsage?.includes('CRL_SIGN')) {
    add('error', 'e_sub_cert_key_usage_crl_sign_bit_set', 'A subscriber certificate must not assert cRLSign');
  }
  if (facts.extendedKeyUsage === null) {
    add(
      'error',
      'e_sub_cert_eku_missing',
      'A subscriber certificate must have an extendedKeyUsage extension',
    );
    return findings;
  }
  if (facts.extendedKeyUsage.includes(eku.any)) {
    add(
      'error',
      'e_sub_cert_eku_contains_any_eku',
      'A subscriber certificate must not allow anyExtendedKeyUsage',
    );
  }
  const tls = facts.extendedKeyUsage.filter((oid) => oid === eku.serverAuth || oid === eku.clientAuth);
  if (tls.length > 0 && tls.length < facts.extendedKeyUsage.length) {
    add(
      'warning',
      'w_sub_cert_eku_extra_values',
      'A TLS certificate should carry no usage besides serverAuth and clientAuth',
    );
  }
  if (facts.extendedKeyUsage.includes(eku.codeSigning) && facts.extendedKeyUsage.includes(eku.serverAuth)) {
    add(
      'warning',
      'w_sub_cert_eku_code_signing_with_server_auth',
      'Code signing and TLS server authentication should not share a certificate',
    );
  }
  return findings;
}

/** Findings that hold for every certificate and request: KU bits, KU against EKU, keyCertSign without CA. */
export function commonUsageFindings(facts: UsageFacts): Finding[] {
  const findings: Finding[] = [];
  const error = findingsFor('extensions', findings).bind(null, 'error');
  if (facts.keyUsage !== null && facts.keyUsage.length === 0) {
    error('e_ext_key_usage_without_bits', 'The keyUsage extension asserts no usage');
  }
  if (facts.keyUsage?.includes('KEY_CERT_SIGN') && !facts.ca) {
    error(
      'e_ext_key_usage_cert_sign_without_ca',
      'keyCertSign is asserted but basicConstraints does not say CA:TRUE',
    );
  }
  const inconsistent = (facts.extendedKeyUsage ?? []).filter((oid) => {
    const allowed = consistentKeyUsages[oid];
    return (
      allowed &&
      facts.keyUsage &&
      facts.keyUsage.length > 0 &&
      !facts.keyUsage.some((u) => allowed.includes(u))
    );
  });
  if (inconsistent.length > 0) {
    error(
      'e_key_usage_and_extended_key_usage_inconsistent',
      `The key usage (${facts.keyUsage?.join(', ')}) allows none of what ${inconsistent.join(', ')} needs`,
    );
  }
  return findings;
}
