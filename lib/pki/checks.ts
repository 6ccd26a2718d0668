import type { CsrView } from './csr';

export interface Finding {
  field: 'signature' | 'publicKey' | 'subject' | 'extensions';
  severity: 'error' | 'warning';
  /** Stable identifier; named after the zlint lint where one exists. */
  code: string;
  message: string;
}

const allowedCurves = ['P-256', 'P-384', 'P-521'];

/**
 * What is wrong with a CSR before it goes to the CA. Errors block submission; warnings are for the operator
 * to weigh (the TSB decides the issued extensions from the form, not from the CSR).
 */
export function checkCsr(view: CsrView): Finding[] {
  return [
    ...signatureFindings(view),
    ...publicKeyFindings(view),
    ...subjectFindings(view),
    ...extensionFindings(view),
  ];
}

function signatureFindings(view: CsrView): Finding[] {
  if (view.signatureValid) return [];
  const message = "The CSR's signature does not verify: it was altered or not signed by its key";
  return [{ field: 'signature', severity: 'error', code: 'csr_signature_invalid', message }];
}

function publicKeyFindings({ publicKey }: CsrView): Finding[] {
  const findings: Finding[] = [];
  const error = (code: string, message: string) =>
    findings.push({ field: 'publicKey', severity: 'error', code, message });
  if (publicKey.algorithm === 'RSA' || publicKey.algorithm === 'RSA-PSS') {
    const { size, exponent } = publicKey;
    if (size === null || exponent === null) {
      error('csr_public_key_unreadable', 'The RSA public key could not be read');
      return findings;
    }
    if (size < 2048)
      error('e_rsa_mod_less_than_2048_bits', `The RSA key has ${size} bits; at least 2048 are required`);
    if (size % 8 !== 0)
      error(
        'e_mp_modulus_must_be_divisible_by_8',
        `The RSA modulus (${size} bits) is not a multiple of 8 bits`,
      );
    if (exponent % 2 === 0)
      error('e_rsa_public_exponent_not_odd', `The RSA public exponent ${exponent} is even`);
    if (exponent < 3)
      error('e_rsa_public_exponent_too_small', `The RSA public exponent ${exponent} is smaller than 3`);
  }
  if (publicKey.algorithm === 'EC' && !allowedCurves.includes(publicKey.curve ?? '')) {
    error(
      'e_ec_improper_curves',
      `The EC curve ${publicKey.curve ?? '(unknown)'} is not P-256, P-384 or P-521`,
    );
  }
  return findings;
}

function subjectFindings(view: CsrView): Finding[] {
  if (view.commonName !== null || view.sans.length > 0) return [];
  const message = 'The CSR has neither a common name nor a subject alternative name';
  return [{ field: 'subject', severity: 'error', code: 'csr_no_subject_name', message }];
}

function extensionFindings(view: CsrView): Finding[] {
  const findings: Finding[] = [];
  const warn = (code: string, message: string) =>
    findings.push({ field: 'extensions', severity: 'warning', code, message });
  if (view.requestedCa === true) warn('csr_requests_ca', 'The CSR asks for a CA certificate (CA:TRUE)');
  if (view.requestedKeyUsage.includes('KEY_CERT_SIGN')) {
    warn('csr_requests_key_cert_sign', 'The CSR asks for the Certificate Sign key usage');
  }
  return findings;
}
