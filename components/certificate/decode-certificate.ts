import type { CertificateView, Decoded } from '@/lib/pki';
import { loadPki } from '@/components/pki/load-pki';

/** Decodes a certificate in the browser, loading lib/pki on first use. Never rejects. */
export async function decodeCertificatePem(pem: string): Promise<Decoded<CertificateView>> {
  try {
    const { decodeCertificate } = await loadPki();
    return await decodeCertificate(pem);
  } catch {
    return { ok: false, error: 'The certificate decoder could not be loaded; reload the page and try again' };
  }
}
