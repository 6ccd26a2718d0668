import { childrenOf, isUniversal, oidOf, parseAsn } from './asn';
import { copyBytes, toBase64 } from './bytes';
import { rsaPssParams } from './rsa-pss';
import type { AlgorithmIdentifier as Algorithm, SubjectPublicKeyInfo } from './x509';

// Signature verification with WebCrypto over the exact signed octets. An algorithm WebCrypto lacks (DSA,
// SHA-224, secp256k1…) counts as "does not verify", as the TSB could not trust it either.
// RSA keys are imported as JWK (modulus and exponent): Node imports an SPKI through OpenSSL 3's decoders,
// which costs several times the verification itself. Not EC keys: a JWK point is validated, which costs more.

const hashes: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const rsaPkcs1: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};

const ecdsa: Record<string, string> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};

const curves: Record<string, { name: string; size: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32 },
  '1.3.132.0.34': { name: 'P-384', size: 48 },
  '1.3.132.0.35': { name: 'P-521', size: 66 },
};

const rsaEncryption = '1.2.840.113549.1.1.1';
const rsaPss = '1.2.840.113549.1.1.10';
const edwards: Record<string, string> = { '1.3.101.112': 'Ed25519', '1.3.101.113': 'Ed448' };

/** Whether `signature` over `signed` verifies with `spki` under `algorithm`; never throws. */
export async function verifySignature(
  signed: Uint8Array,
  algorithm: Algorithm,
  signature: Uint8Array,
  spki: SubjectPublicKeyInfo,
): Promise<boolean> {
  try {
    const plan = verification(algorithm, signature, spki);
    if (!plan) return false;
    const key =
      plan.key.format === 'jwk'
        ? await crypto.subtle.importKey('jwk', plan.key.data, plan.importAlgorithm, false, ['verify'])
        : await crypto.subtle.importKey('spki', plan.key.data, plan.importAlgorithm, false, ['verify']);
    return await crypto.subtle.verify(
      plan.verifyAlgorithm,
      key,
      copyBytes(plan.signature),
      copyBytes(signed),
    );
  } catch {
    return false;
  }
}

interface Plan {
  key: { format: 'spki'; data: Uint8Array<ArrayBuffer> } | { format: 'jwk'; data: JsonWebKey };
  importAlgorithm: RsaHashedImportParams | EcKeyImportParams | { name: string };
  verifyAlgorithm: { name: string; hash?: string; saltLength?: number };
  signature: Uint8Array;
}

function verification(algorithm: Algorithm, signature: Uint8Array, spki: SubjectPublicKeyInfo): Plan | null {
  const { oid } = algorithm;
  const keyOid = spki.algorithm.oid;
  const der = () => ({ format: 'spki' as const, data: copyBytes(spki.der) });
  const rsaHash = rsaPkcs1[oid];
  if (rsaHash && keyOid === rsaEncryption) {
    const name = 'RSASSA-PKCS1-v1_5';
    return {
      key: rsaJwk(spki),
      importAlgorithm: { name, hash: rsaHash },
      verifyAlgorithm: { name },
      signature,
    };
  }
  if (oid === rsaPss && (keyOid === rsaEncryption || keyOid === rsaPss) && algorithm.parameters) {
    const params = rsaPssParams(algorithm.parameters);
    const hash = hashes[params.hashAlgorithm ?? '1.3.14.3.2.26'];
    if (!hash || (params.maskHashAlgorithm ?? '1.3.14.3.2.26') !== (params.hashAlgorithm ?? '1.3.14.3.2.26'))
      return null;
    const saltLength = Number(params.saltLength ?? 20);
    return {
      key: rsaJwk(spki),
      importAlgorithm: { name: 'RSA-PSS', hash },
      verifyAlgorithm: { name: 'RSA-PSS', saltLength },
      signature,
    };
  }
  const ecHash = ecdsa[oid];
  const curve = spki.algorithm.parameters ? curves[oidOf(parseAsn(spki.algorithm.parameters))] : undefined;
  if (ecHash && curve) {
    return {
      key: der(),
      importAlgorithm: { name: 'ECDSA', namedCurve: curve.name },
      verifyAlgorithm: { name: 'ECDSA', hash: ecHash },
      signature: rawEcdsa(signature, curve.size),
    };
  }
  const edwardsName = edwards[oid];
  if (edwardsName && keyOid === oid)
    return {
      key: der(),
      importAlgorithm: { name: edwardsName },
      verifyAlgorithm: { name: edwardsName },
      signature,
    };
  return null;
}

/**
 * The RSAPublicKey as a JWK. This also serves id-RSASSA-PSS keys, which WebCrypto would not import as SPKI.
 * A negative modulus or exponent is no RSA key: it throws, so the signature does not verify.
 */
function rsaJwk(spki: SubjectPublicKeyInfo): { format: 'jwk'; data: JsonWebKey } {
  const [modulus, exponent, ...rest] = childrenOf(parseAsn(spki.publicKey));
  if (!isUniversal(modulus, 2) || !isUniversal(exponent, 2) || rest.length > 0) {
    throw new Error('malformed RSAPublicKey');
  }
  return {
    format: 'jwk',
    data: { kty: 'RSA', n: unsignedBase64Url(modulus.content), e: unsignedBase64Url(exponent.content) },
  };
}

function unsignedBase64Url(integer: Uint8Array): string {
  if ((integer[0] ?? 0) & 0x80) throw new Error('negative RSA integer');
  let start = 0;
  while (start < integer.length - 1 && integer[start] === 0) start++;
  const digits = integer.subarray(start);
  return toBase64(digits).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** ECDSA-Sig-Value (DER r, s) to WebCrypto's fixed-size r || s. */
function rawEcdsa(signature: Uint8Array, size: number): Uint8Array {
  const [r, s, ...rest] = childrenOf(parseAsn(signature));
  if (!isUniversal(r, 2) || !isUniversal(s, 2) || rest.length > 0) throw new Error('not an ECDSA signature');
  const out = new Uint8Array(size * 2);
  for (const [i, part] of [r, s].entries()) {
    const digits = part.content.subarray(part.content[0] === 0 ? 1 : 0);
    if (digits.length > size) throw new Error('ECDSA signature component too long');
    out.set(digits, (i + 1) * size - digits.length);
  }
  return out;
}
