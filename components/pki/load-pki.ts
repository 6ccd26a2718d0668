import type * as Pki from '@/lib/pki';
import type * as Bundle from '@/lib/pki/bundle';

type PkiModule = typeof Pki;

let loaded: Promise<PkiModule> | undefined;

/**
 * lib/pki with its ASN.1 decoder and the ASN.1 tree view, fetched on first use rather than with the page.
 * One promise per tab serves every caller (one chunk group, so shared modules are not sent twice).
 */
export function loadPki(): Promise<PkiModule> {
  loaded ??= import('@/lib/pki');
  return loaded;
}

/**
 * Chain and PKCS#7 builders. PKCS#7 needs @peculiar/x509's CMS support, larger than the decoder itself, so
 * it is fetched only when someone asks for such a file.
 */
export function loadBundle(): Promise<typeof Bundle> {
  return import('@/lib/pki/bundle');
}
