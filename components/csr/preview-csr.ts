import type { CsrView, Finding } from '@/lib/pki';
import { loadPki } from '@/components/pki/load-pki';

export type CsrPreview =
  { ok: true; view: CsrView; warnings: string[]; findings: Finding[] } | { ok: false; error: string };

/**
 * Decodes and checks a CSR in the browser, loading lib/pki on first use. A courtesy preview: the server
 * decides again on submit. Never rejects.
 */
export async function previewCsr(pem: string): Promise<CsrPreview> {
  try {
    const { checkCsr, decodeCsr } = await loadPki();
    const decoded = await decodeCsr(pem);
    if (!decoded.ok) return decoded;
    return { ...decoded, findings: checkCsr(decoded.view) };
  } catch {
    return { ok: false, error: 'The CSR decoder could not be loaded; reload the page and try again' };
  }
}

/** What blocks submission: the decode error, or the CSR check's errors. Null when the CSR may be sent. */
export function csrProblem(preview: CsrPreview): string | null {
  if (!preview.ok) return preview.error;
  const errors = preview.findings.filter((f) => f.severity === 'error').map((f) => `${f.message}.`);
  return errors.length > 0 ? errors.join(' ') : null;
}
