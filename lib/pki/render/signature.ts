import { childrenOf, isUniversal, parseAsn } from '../asn';
import { toHex } from '../bytes';
import { oidText } from '../oid-names';
import type { AlgorithmView } from '../types';
import { bnPrint, hexBytes, integerHex, pad, signatureDump } from './text';

// X509_signature_print: the algorithm, then (for the outer signature) the value. RSASSA-PSS prints its
// parameters and DSA its r and s, as their sig_print methods do; everything else is a hex dump.

const rsaPss = '1.2.840.113549.1.1.10';
const dsaSignatures = new Set(['1.2.840.10040.4.3', '2.16.840.1.101.3.4.3.1', '2.16.840.1.101.3.4.3.2']);

export function signatureText(algorithm: AlgorithmView, signatureHex: string | null): string {
  let out = `    Signature Algorithm: ${oidText(algorithm.oid)}`;
  if (signatureHex !== null) out += '\n    Signature Value:';
  if (algorithm.oid === rsaPss)
    out += pssText(algorithm) + (signatureHex !== null ? signatureDump(signatureHex, 8) : '');
  else if (dsaSignatures.has(algorithm.oid) && signatureHex !== null) out += dsaText(signatureHex);
  else out += `\n${signatureHex !== null ? signatureDump(signatureHex, 8) : ''}`;
  return out;
}

/** rsa_pss_param_print for a signature (not a key). */
function pssText({ pss }: AlgorithmView): string {
  if (!pss) return `${pad(8)}(INVALID PSS PARAMETERS)\n`;
  const hash = pss.hashAlgorithm ? oidText(pss.hashAlgorithm) : 'sha1 (default)';
  const mask = pss.maskGenAlgorithm
    ? `${oidText(pss.maskGenAlgorithm)} with ${pss.maskHashAlgorithm ? oidText(pss.maskHashAlgorithm) : 'INVALID'}`
    : 'mgf1 with sha1 (default)';
  const salt = pss.saltLength !== null ? integerHex(pss.saltLength) : '14 (default)';
  const trailer = pss.trailerField !== null ? integerHex(pss.trailerField) : '01 (default)';
  return (
    `${pad(8)}\n${pad(8)}Hash Algorithm: ${hash}\n${pad(8)}Mask Algorithm: ${mask}\n` +
    `${pad(8)} Salt Length: 0x${salt}\n${pad(8)}Trailer Field: 0x${trailer}\n`
  );
}

/** dsa_sig_print: r and s when the value is a DSA-Sig-Value, else the dump. */
function dsaText(signatureHex: string): string {
  try {
    const [r, s, ...rest] = childrenOf(parseAsn(hexBytes(signatureHex)));
    if (!isUniversal(r, 2) || !isUniversal(s, 2) || rest.length > 0) throw new Error('not r and s');
    const magnitude = (n: { content: Uint8Array }) => toHex(n.content.subarray(n.content[0] === 0 ? 1 : 0));
    return `\n${bnPrint('r:   ', magnitude(r), 8)}${bnPrint('s:   ', magnitude(s), 8)}`;
  } catch {
    return `\n${signatureDump(signatureHex, 8)}`;
  }
}
