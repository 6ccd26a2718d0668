import type { CsrView } from '@/lib/pki';
import { inspectCsr, type Inspected } from '@/components/pki/inspect';

export type CsrPreview = Inspected<CsrView>;

/**
 * Decodes, checks and renders a CSR in the browser, loading lib/pki on first use. A courtesy preview: the
 * server decides again on submit. Never rejects.
 */
export function previewCsr(pem: string): Promise<CsrPreview> {
  return inspectCsr(pem);
}

/** What blocks submission: the decode error, or the CSR check's errors. Null when the CSR may be sent. */
export function csrProblem(preview: CsrPreview): string | null {
  if (!preview.ok) return preview.error;
  const errors = preview.findings.filter((f) => f.severity === 'error').map((f) => `${f.message}.`);
  return errors.length > 0 ? errors.join(' ') : null;
}
