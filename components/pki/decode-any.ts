import type { CsrPreview } from '@/components/csr/preview-csr';
import type { CertificateView, Decoded } from '@/lib/pki';
import { loadPki } from './load-pki';

export type AnyPreview =
  | { kind: 'csr'; preview: CsrPreview }
  | { kind: 'certificate'; result: Decoded<CertificateView> }
  | { kind: 'unknown'; error: string };

/** Decodes a pasted certificate or CSR in the browser (CSRs also checked). Never rejects. */
export async function previewAny(input: string): Promise<AnyPreview> {
  try {
    const { checkCsr, decodeAny } = await loadPki();
    const decoded = await decodeAny(input);
    if (decoded.kind !== 'csr') return decoded;
    const { result } = decoded;
    return { kind: 'csr', preview: result.ok ? { ...result, findings: checkCsr(result.view) } : result };
  } catch {
    return { kind: 'unknown', error: 'The decoder could not be loaded; reload the page and try again' };
  }
}
