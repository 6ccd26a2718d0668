/** How much a finding weighs: errors block (a CSR's submission; an issued certificate's acceptance). */
export type Severity = 'error' | 'warning' | 'notice';

export type FindingField =
  'signature' | 'publicKey' | 'subject' | 'extensions' | 'serialNumber' | 'validity' | 'issuer' | 'version';

export interface Finding {
  /** Stable identifier; named after the zlint lint where one exists. */
  code: string;
  severity: Severity;
  message: string;
  /** The part of the certificate or CSR it is about. */
  field?: FindingField;
}

/** A finding maker bound to one field. */
export function findingsFor(field: FindingField, findings: Finding[]) {
  return (severity: Severity, code: string, message: string) =>
    findings.push({ field, severity, code, message });
}
