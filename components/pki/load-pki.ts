import type * as Pki from '@/lib/pki';
import type * as Asn1 from '@/lib/pki/asn1-tree';
import type * as Bundle from '@/lib/pki/bundle';

type PkiModule = typeof Pki;

let loaded: Promise<PkiModule> | undefined;

/**
 * lib/pki with its ASN.1 and X.509 stack (~60 kB gzip), fetched on first use rather than with the page.
 * One promise per tab serves every caller.
 */
export function loadPki(): Promise<PkiModule> {
  loaded ??= import('@/lib/pki');
  return loaded;
}

/** The ASN.1 tree builder; it shares the ASN.1 decoder with lib/pki, so this adds little once that is loaded. */
export function loadAsn1Tree(): Promise<typeof Asn1> {
  return import('@/lib/pki/asn1-tree');
}

/**
 * Chain and PKCS#7 builders. PKCS#7 needs @peculiar/x509's CMS support, larger than the decoder itself, so
 * it is fetched only when someone asks for such a file.
 */
export function loadBundle(): Promise<typeof Bundle> {
  return import('@/lib/pki/bundle');
}
