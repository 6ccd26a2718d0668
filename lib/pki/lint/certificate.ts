import type { CertificateView } from '../certificate';
import { issuerFindings } from './issuer';
import { keyFindings } from './key';
import { findingsFor, type Finding } from './types';
import { caUsageFindings, commonUsageFindings, subscriberUsageFindings, type UsageFacts } from './usage';

export interface LintOptions {
  /** The issuing CA's certificate: adds the name, key identifier, validity and path checks against it. */
  issuer?: CertificateView;
}

const dayMs = 86_400_000;
const serverAuth = '1.3.6.1.5.5.7.3.1';

/**
 * zlint-style findings on a decoded certificate (SECURITY.md rows 18, 19 and 26): key, serial, validity,
 * names and extension consistency, and, given the issuer, containment in it. Pure and synchronous; the
 * signature itself is checked by verifySignedBy.
 */
export function lintCertificate(view: CertificateView, options: LintOptions = {}): Finding[] {
  const ekus = view.extendedKeyUsage?.map((e) => e.oid) ?? null;
  const facts: UsageFacts = {
    ca: view.basicConstraints?.ca === true,
    keyUsage: view.keyUsage,
    extendedKeyUsage: ekus,
    extensions: view.extensions,
  };
  return [
    ...keyFindings(view.publicKey),
    ...serialFindings(view.serialDecimal),
    ...validityFindings(view, ekus),
    ...subjectFindings(view, facts),
    ...extensionFindings(view),
    ...commonUsageFindings(facts),
    ...(facts.ca ? caUsageFindings(facts) : subscriberUsageFindings(facts)),
    ...(options.issuer ? issuerFindings(view, options.issuer) : []),
  ];
}

function serialFindings(decimal: string): Finding[] {
  const findings: Finding[] = [];
  const error = findingsFor('serialNumber', findings).bind(null, 'error');
  const value = BigInt(decimal);
  if (value <= 0n)
    error('e_serial_number_not_positive', `The serial number ${decimal} is not positive (RFC 5280 §4.1.2.2)`);
  const magnitude = value < 0n ? -value - 1n : value;
  const octets = Math.ceil((magnitude.toString(2).length + 1) / 8);
  if (octets > 20) {
    error(
      'e_serial_number_longer_than_20_octets',
      `The serial number is ${octets} octets long; RFC 5280 allows 20`,
    );
  }
  return findings;
}

function validityFindings(view: CertificateView, ekus: string[] | null): Finding[] {
  const findings: Finding[] = [];
  const add = findingsFor('validity', findings);
  const days = (Date.parse(view.notAfter) - Date.parse(view.notBefore)) / dayMs;
  if (days < 0) add('error', 'e_validity_time_not_positive', 'notAfter is before notBefore');
  if (ekus?.includes(serverAuth) && view.basicConstraints?.ca !== true && days > 398) {
    add(
      'error',
      'e_tls_server_cert_valid_time_longer_than_398_days',
      `A TLS server certificate valid for ${Math.ceil(days)} days exceeds 398`,
    );
  }
  return findings;
}

function subjectFindings(view: CertificateView, facts: UsageFacts): Finding[] {
  const findings: Finding[] = [];
  const error = findingsFor('subject', findings).bind(null, 'error');
  for (const cn of view.subject.attributes.filter((a) => a.oid === '2.5.4.3')) {
    if ([...cn.value].length > 64) {
      error(
        'e_subject_common_name_max_length',
        `The common name has ${[...cn.value].length} characters; 64 is the limit`,
      );
    }
  }
  if (facts.ca && view.subject.attributes.length === 0)
    error('e_ca_subject_field_empty', 'A CA certificate needs a subject');
  if (!facts.ca && !view.extensions.some((e) => e.oid === '2.5.29.17')) {
    error('e_ext_san_missing', 'A subscriber certificate must have a subjectAltName extension');
  }
  const names = view.sans.map((s) => s.value.toLowerCase());
  if (
    !facts.ca &&
    view.commonName &&
    facts.extendedKeyUsage?.includes(serverAuth) &&
    !names.includes(view.commonName.toLowerCase())
  ) {
    error(
      'e_subject_common_name_not_from_san',
      `The common name ${view.commonName} is not one of the subject alternative names`,
    );
  }
  return findings;
}

function extensionFindings(view: CertificateView): Finding[] {
  const findings: Finding[] = [];
  const add = findingsFor('extensions', findings);
  const seen = new Set<string>();
  for (const extension of view.extensions) {
    if (seen.has(extension.oid))
      add('error', 'e_ext_duplicate_extension', `${extension.name} appears more than once`);
    seen.add(extension.oid);
    if (extension.error)
      add('error', 'e_ext_value_not_parseable', `${extension.name} does not parse: ${extension.error}`);
    else if (extension.critical && extension.value.kind === 'unknown') {
      add(
        'error',
        'e_ext_critical_unrecognized',
        `${extension.name} is critical but not understood, so no relying party may accept the certificate`,
      );
    }
  }
  if (view.extensions.length > 0 && view.version !== 3) {
    add('error', 'e_cert_extensions_version_not_3', `Extensions require version 3, not ${view.version}`);
  }
  if (!view.selfSigned && !view.extensions.some((e) => e.oid === '2.5.29.35')) {
    add(
      'error',
      'e_ext_authority_key_identifier_missing',
      'A certificate not self-signed must have an authorityKeyIdentifier',
    );
  }
  return findings;
}
