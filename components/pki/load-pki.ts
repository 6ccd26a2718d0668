import type * as Pki from '@/lib/pki';

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
