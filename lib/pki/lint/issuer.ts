import type { CertificateView } from '../certificate';
import { sameName } from '../names';
import { findingsFor, type Finding } from './types';

// A certificate against the CA certificate that issued it (SECURITY.md row 26).

export function issuerFindings(view: CertificateView, issuer: CertificateView): Finding[] {
  const findings: Finding[] = [];
  const add = findingsFor('issuer', findings);
  if (!sameName(view.issuer, issuer.subject)) {
    add(
      'error',
      'e_issuer_name_mismatch',
      `The issuer "${view.issuer.text}" is not the CA's subject "${issuer.subject.text}"`,
    );
  }
  if (view.authorityKeyId && issuer.subjectKeyId && view.authorityKeyId !== issuer.subjectKeyId) {
    add(
      'error',
      'e_authority_key_identifier_mismatch',
      "The authority key identifier is not the CA's subject key identifier",
    );
  }
  if (issuer.basicConstraints?.ca !== true)
    add('error', 'e_issuer_not_ca', 'The issuing certificate is not a CA certificate');
  if (issuer.keyUsage && !issuer.keyUsage.includes('KEY_CERT_SIGN')) {
    add('error', 'e_issuer_key_cert_sign_not_set', 'The issuing certificate does not allow keyCertSign');
  }
  if (
    view.basicConstraints?.ca &&
    issuer.basicConstraints?.pathLength === 0 &&
    !sameName(view.subject, view.issuer)
  ) {
    add(
      'error',
      'e_issuer_path_length_exceeded',
      'The CA allows no further CA certificates below it (pathlen:0)',
    );
  }
  const validity = findingsFor('validity', findings);
  if (Date.parse(view.notAfter) > Date.parse(issuer.notAfter)) {
    validity(
      'error',
      'e_validity_not_within_issuer',
      `notAfter ${view.notAfter} is after the CA's notAfter ${issuer.notAfter}`,
    );
  }
  if (Date.parse(view.notBefore) < Date.parse(issuer.notBefore)) {
    validity(
      'warning',
      'w_validity_starts_before_issuer',
      `notBefore ${view.notBefore} is before the CA's notBefore ${issuer.notBefore}`,
    );
  }
  return findings;
}
