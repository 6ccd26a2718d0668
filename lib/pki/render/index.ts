import type { CertificateView } from '../certificate';
import type { CsrView } from '../csr';
import { certificateText } from './certificate';
import { csrText } from './csr';

/**
 * The text `openssl x509 -noout -text` (certificates) or `openssl req -noout -text` (CSRs) of OpenSSL 3.0
 * prints for the decoded view, line for line. Known differences are listed in render/parity.test.ts.
 */
export function renderOpensslText(view: CertificateView | CsrView): string {
  return 'serialDecimal' in view ? certificateText(view) : csrText(view);
}
