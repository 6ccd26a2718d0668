export { lintCertificate, type LintOptions } from './certificate';
export type { Finding, FindingField, Severity } from './types';
