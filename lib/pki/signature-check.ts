import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  SubjectPublicKeyInfo,
  type AlgorithmIdentifier as Algorithm,
} from '@peculiar/asn1-x509';
import { childrenOf, isUniversal, oidOf, parseAsn } from './asn';
import { copyBytes } from './bytes';
import { rsaPssParams } from './rsa-pss';

// Signature verification with WebCrypto over the exact signed octets. An algorithm WebCrypto lacks (DSA,
// SHA-224, secp256k1…) counts as "does not verify", as the TSB could not trust it either.

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
    const key = await crypto.subtle.importKey('spki', plan.spki, plan.importAlgorithm, false, ['verify']);
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
  spki: Uint8Array<ArrayBuffer>;
  importAlgorithm: RsaHashedImportParams | EcKeyImportParams | { name: string };
  verifyAlgorithm: { name: string; hash?: string; saltLength?: number };
  signature: Uint8Array;
}

function verification(algorithm: Algorithm, signature: Uint8Array, spki: SubjectPublicKeyInfo): Plan | null {
  const oid = algorithm.algorithm;
  const keyOid = spki.algorithm.algorithm;
  const der = () => copyBytes(new Uint8Array(AsnConvert.serialize(spki)));
  const rsaHash = rsaPkcs1[oid];
  if (rsaHash && keyOid === rsaEncryption) {
    const name = 'RSASSA-PKCS1-v1_5';
    return { spki: der(), importAlgorithm: { name, hash: rsaHash }, verifyAlgorithm: { name }, signature };
  }
  if (oid === rsaPss && (keyOid === rsaEncryption || keyOid === rsaPss) && algorithm.parameters) {
    const params = rsaPssParams(new Uint8Array(algorithm.parameters));
    const hash = hashes[params.hashAlgorithm ?? '1.3.14.3.2.26'];
    if (!hash || (params.maskHashAlgorithm ?? '1.3.14.3.2.26') !== (params.hashAlgorithm ?? '1.3.14.3.2.26'))
      return null;
    const saltLength = Number(params.saltLength ?? 20);
    return {
      spki: asRsaEncryption(spki),
      importAlgorithm: { name: 'RSA-PSS', hash },
      verifyAlgorithm: { name: 'RSA-PSS', saltLength },
      signature,
    };
  }
  const ecHash = ecdsa[oid];
  const curve = spki.algorithm.parameters
    ? curves[oidOf(parseAsn(new Uint8Array(spki.algorithm.parameters)))]
    : undefined;
  if (ecHash && curve) {
    return {
      spki: der(),
      importAlgorithm: { name: 'ECDSA', namedCurve: curve.name },
      verifyAlgorithm: { name: 'ECDSA', hash: ecHash },
      signature: rawEcdsa(signature, curve.size),
    };
  }
  const edwardsName = edwards[oid];
  if (edwardsName && keyOid === oid)
    return {
      spki: der(),
      importAlgorithm: { name: edwardsName },
      verifyAlgorithm: { name: edwardsName },
      signature,
    };
  return null;
}

/** WebCrypto imports RSA keys only under rsaEncryption; an id-RSASSA-PSS key has the same RSAPublicKey. */
function asRsaEncryption(spki: SubjectPublicKeyInfo): Uint8Array<ArrayBuffer> {
  const plain = new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: rsaEncryption, parameters: null }),
    subjectPublicKey: spki.subjectPublicKey,
  });
  return copyBytes(new Uint8Array(AsnConvert.serialize(plain)));
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
