import type { CsrView } from './csr';
import { keyFindings } from './lint/key';
import { findingsFor, type Finding } from './lint/types';

export type { Finding, FindingField, Severity } from './lint/types';

/**
 * What is wrong with a CSR before it goes to the CA (SECURITY.md rows 16, 18, 19). Errors block submission;
 * warnings are for the operator to weigh: the TSB decides the issued extensions from the form, never from
 * the CSR, so what a CSR asks for is reported, not forwarded.
 */
export function checkCsr(view: CsrView): Finding[] {
  return [
    ...signatureFindings(view),
    ...versionFindings(view),
    ...keyFindings(view.publicKey),
    ...subjectFindings(view),
    ...extensionFindings(view),
  ];
}

function signatureFindings(view: CsrView): Finding[] {
  if (view.signatureValid) return [];
  const message = "The CSR's signature does not verify: it was altered or not signed by its key";
  return [{ field: 'signature', severity: 'error', code: 'csr_signature_invalid', message }];
}

function versionFindings(view: CsrView): Finding[] {
  if (view.version === 1) return [];
  const message = `The CSR has version ${view.version - 1}; PKCS#10 defines only version 0`;
  return [{ field: 'version', severity: 'error', code: 'csr_version_invalid', message }];
}

function subjectFindings(view: CsrView): Finding[] {
  const findings: Finding[] = [];
  const error = findingsFor('subject', findings).bind(null, 'error');
  if (view.commonName === null && view.sans.length === 0) {
    error('csr_no_subject_name', 'The CSR has neither a common name nor a subject alternative name');
  }
  for (const cn of view.subject.attributes.filter((a) => a.oid === '2.5.4.3')) {
    const length = [...cn.value].length;
    if (length > 64)
      error('e_subject_common_name_max_length', `The common name has ${length} characters; 64 is the limit`);
  }
  return findings;
}

const requestedUsages: [string, string, string][] = [
  ['2.5.29.37.0', 'csr_requests_any_eku', 'The CSR asks for any extended key usage'],
  ['1.3.6.1.5.5.7.3.9', 'csr_requests_ocsp_signing', 'The CSR asks for OCSP signing'],
  ['1.3.6.1.5.5.7.3.8', 'csr_requests_time_stamping', 'The CSR asks for time stamping'],
];

function extensionFindings(view: CsrView): Finding[] {
  const findings: Finding[] = [];
  const warn = findingsFor('extensions', findings).bind(null, 'warning');
  if (view.extensionRequest === 'unreadable') {
    warn('csr_extension_request_unreadable', 'The extension request could not be read; it is ignored');
  }
  if (view.requestedCa === true) warn('csr_requests_ca', 'The CSR asks for a CA certificate (CA:TRUE)');
  const pathLength = view.extensions.find((e) => e.value.kind === 'basicConstraints')?.value;
  if (pathLength?.kind === 'basicConstraints' && pathLength.pathLength !== null) {
    warn('csr_requests_path_length', `The CSR asks for a path length constraint of ${pathLength.pathLength}`);
  }
  if (view.requestedKeyUsage.includes('KEY_CERT_SIGN')) {
    warn('csr_requests_key_cert_sign', 'The CSR asks for the Certificate Sign key usage');
  }
  if (view.requestedKeyUsage.includes('CRL_SIGN'))
    warn('csr_requests_crl_sign', 'The CSR asks for the CRL Sign key usage');
  const ekus = view.extensions.flatMap((e) =>
    e.value.kind === 'extendedKeyUsage' ? e.value.usages.map((u) => u.oid) : [],
  );
  for (const [oid, code, message] of requestedUsages) if (ekus.includes(oid)) warn(code, message);
  if (ekus.includes('1.3.6.1.5.5.7.3.3') && ekus.includes('1.3.6.1.5.5.7.3.1')) {
    warn(
      'csr_requests_code_signing_with_server_auth',
      'The CSR asks for code signing together with TLS server authentication',
    );
  }
  for (const extension of view.extensions) {
    if (extension.oid === '2.5.29.30')
      warn('csr_requests_name_constraints', 'The CSR asks for name constraints');
    else if (extension.critical && extension.value.kind === 'unknown') {
      warn(
        'csr_unknown_critical_extension',
        `The CSR asks for a critical extension that is not understood (${extension.oid})`,
      );
    }
  }
  return findings;
}
