import { opensslShortName } from '../oid-names';
import type { PublicKeyView } from '../public-key';
import type { RsaPssParamsView } from '../rsa-pss';
import { bnPrint, bufPrint, pad } from './text';

// EVP_PKEY_print_public as OpenSSL 3.0's key printers write it, indented by 16.

const nistNames: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.33': 'P-224',
  '1.2.840.10045.3.1.1': 'P-192',
};

/** Order bits of the named curves OpenSSL ships, for "Public-Key: (N bit)". */
const curveBits: Record<string, number> = {
  '1.2.840.10045.3.1.7': 256,
  '1.3.132.0.34': 384,
  '1.3.132.0.35': 521,
  '1.3.132.0.33': 224,
  '1.2.840.10045.3.1.1': 192,
  '1.3.132.0.10': 256,
  '1.3.36.3.3.2.8.1.1.7': 256,
  '1.3.36.3.3.2.8.1.1.11': 384,
  '1.3.36.3.3.2.8.1.1.13': 512,
  '1.3.36.3.3.2.8.1.1.3': 224,
  '1.3.36.3.3.2.8.1.1.9': 320,
  '1.3.132.0.31': 192,
  '1.3.132.0.32': 225,
  '1.2.156.10197.1.301': 256,
};

const rawNames: Record<string, string> = {
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
};

/** The key block, or null when OpenSSL could not load the key (it then prints its error queue). */
export function publicKeyText(key: PublicKeyView): string | null {
  const d = key.details;
  let text: string | null = null;
  if (d.kind === 'rsa') {
    text = `Public-Key: (${key.size} bit)\n${bnPrint('Modulus:', d.modulus, 0)}${bnPrint('Exponent:', d.exponent, 0)}`;
    if (key.algorithm === 'RSA-PSS') text += pssRestrictions(d.pss ?? null);
  } else if (d.kind === 'ec' && d.curveOid !== null && curveBits[d.curveOid]) {
    const nist = nistNames[d.curveOid];
    text = `Public-Key: (${curveBits[d.curveOid]} bit)\npub:\n${bufPrint(d.point, 4)}`;
    text += `ASN1 OID: ${opensslShortName(d.curveOid)}\n${nist ? `NIST CURVE: ${nist}\n` : ''}`;
  } else if (d.kind === 'raw' && rawNames[key.oid]) {
    text = `${rawNames[key.oid]} Public-Key:\npub:\n${bufPrint(d.point, 4)}`;
  } else if (d.kind === 'dsa') {
    text = `Public-Key: (${key.size} bit)\n${bnPrint('pub: ', d.publicKey, 0)}`;
    text += `${bnPrint('P:   ', d.p, 0)}${bnPrint('Q:   ', d.q, 0)}${bnPrint('G:   ', d.g, 0)}`;
  }
  if (text === null) return null;
  return text.replace(/^(?=.)/gm, pad(16)).replace(/^$/gm, '');
}

const hashNames: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA1',
  '2.16.840.1.101.3.4.2.4': 'SHA2-224',
  '2.16.840.1.101.3.4.2.1': 'SHA2-256',
  '2.16.840.1.101.3.4.2.2': 'SHA2-384',
  '2.16.840.1.101.3.4.2.3': 'SHA2-512',
  '2.16.840.1.101.3.4.2.5': 'SHA2-512/224',
  '2.16.840.1.101.3.4.2.6': 'SHA2-512/256',
};

function pssRestrictions(pss: RsaPssParamsView | null): string {
  if (!pss) return 'No PSS parameter restrictions\n';
  const hash = pss.hashAlgorithm ?? '1.3.14.3.2.26';
  const mgfHash = pss.maskHashAlgorithm ?? '1.3.14.3.2.26';
  const salt = Number(pss.saltLength ?? 20);
  const trailer = Number(pss.trailerField ?? 1);
  const sha1 = (oid: string) => (oid === '1.3.14.3.2.26' ? ' (default)' : '');
  return (
    'PSS parameter restrictions:\n' +
    `  Hash Algorithm: ${hashNames[hash] ?? hash}${sha1(hash)}\n` +
    `  Mask Algorithm: MGF1 with ${hashNames[mgfHash] ?? mgfHash}${sha1(mgfHash)}\n` +
    `  Minimum Salt Length: ${salt}${salt === 20 ? ' (default)' : ''}\n` +
    `  Trailer Field: 0x${trailer.toString(16)}${trailer === 1 ? ' (default)' : ''}\n`
  );
}
