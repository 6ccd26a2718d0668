/** The issuing CA's certificate, for chain files: not applicable (nothing known), loading, or the outcome. */
export type CaCertificate =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'ready'; pem: string }
  | { state: 'unavailable'; reason: string };

/** What the chain and PKCS#7 files hold, in one sentence beside the download buttons. */
export function caNote(ca: CaCertificate, withCa: boolean): string {
  switch (ca.state) {
    case 'none':
      return 'PKCS#7 (.p7b) holds this certificate only: its CA is not known here.';
    case 'loading':
      return 'Reading the CA certificate from the HSM…';
    case 'unavailable':
      return `No chain: ${ca.reason} PKCS#7 (.p7b) holds this certificate only.`;
    case 'ready':
      return withCa
        ? 'The chain and PKCS#7 (.p7b) files hold this certificate and its CA certificate from the HSM.'
        : 'This certificate is its own CA certificate; the chain is this certificate alone.';
  }
}
