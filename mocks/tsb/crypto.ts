import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { fromBase64, toBase64 } from '@/lib/pki/bytes';
import type { SignatureAlgorithm } from '@/lib/pki/usages';
import type { DigestAlgorithm } from './schemas';

// Key material of the simulated HSM keys, and signature checks of approver proofs.

export type KeyAlgorithm = 'RSA' | 'EC';
type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';

export const algorithmOids: Record<KeyAlgorithm, string> = {
  RSA: '1.2.840.113549.1.1.1',
  EC: '1.2.840.10045.2.1',
};
export const curves = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 256 },
  '1.3.132.0.34': { name: 'P-384', size: 384 },
} as const;
export type CurveOid = keyof typeof curves;

export interface KeyMaterial {
  algorithm: KeyAlgorithm;
  keySize: number;
  curveOid: CurveOid | null;
  publicKey: CryptoKey;
  /** Base64 DER SubjectPublicKeyInfo, the form the TSB reports keys in. */
  spki: string;
  privateKey: CryptoKey;
  /** RSASSA keys are bound to one hash in WebCrypto; the same key under other hashes, made on demand. */
  rsaByHash: Map<Hash, Promise<CryptoKey>>;
}

export async function generateKeyMaterial(
  algorithm: KeyAlgorithm,
  size: number | CurveOid,
): Promise<KeyMaterial> {
  const curveOid = algorithm === 'EC' ? (size as CurveOid) : null;
  const params =
    curveOid === null
      ? {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: size as number,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: 'SHA-256',
        }
      : { name: 'ECDSA', namedCurve: curves[curveOid].name };
  // Extractable so the RSA key can be re-imported under another hash; it never leaves the simulator.
  const pair = await crypto.subtle.generateKey(params, true, ['sign', 'verify']);
  const spki = toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  const keySize = curveOid === null ? (size as number) : curves[curveOid].size;
  return {
    algorithm,
    keySize,
    curveOid,
    publicKey: pair.publicKey,
    spki,
    privateKey: pair.privateKey,
    rsaByHash: new Map(),
  };
}

/** What a TSB signature algorithm means for WebCrypto; null for one WebCrypto cannot produce (SHA-224). */
export function signatureSpec(algorithm: SignatureAlgorithm): { family: KeyAlgorithm; hash: Hash } | null {
  const match = /^SHA(256|384|512)_WITH_(RSA|ECDSA)$/.exec(algorithm);
  if (!match) return null;
  return { family: match[2] === 'RSA' ? 'RSA' : 'EC', hash: `SHA-${match[1]}` as Hash };
}

/** The private key and WebCrypto algorithm that sign with `hash`. */
export async function signerFor(
  material: KeyMaterial,
  hash: Hash,
): Promise<{ key: CryptoKey; algorithm: RsaHashedImportParams | EcdsaParams }> {
  if (material.algorithm === 'EC') return { key: material.privateKey, algorithm: { name: 'ECDSA', hash } };
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash };
  if ((material.privateKey.algorithm as RsaHashedKeyAlgorithm).hash.name === hash)
    return { key: material.privateKey, algorithm };
  let key = material.rsaByHash.get(hash);
  if (!key) {
    key = crypto.subtle
      .exportKey('pkcs8', material.privateKey)
      .then((pkcs8) => crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']));
    material.rsaByHash.set(hash, key);
  }
  return { key: await key, algorithm };
}

/** A base64 DER SPKI as a node KeyObject; null when it is not one. */
export function parseSpki(spkiBase64: string): KeyObject | null {
  const der = fromBase64(spkiBase64);
  if (!der) return null;
  try {
    return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

const nodeDigests: Record<DigestAlgorithm, string | null> = {
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA3-224': 'sha3-224',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512',
  EdDSA: null,
};

/**
 * Checks an approver's signature as the TSB does: the bytes JDK's Signature.sign() produces, i.e. RSA
 * PKCS#1 v1.5, ECDSA as a DER SEQUENCE of r and s (node's default dsaEncoding), Ed25519 raw.
 */
export function verifyApproverSignature(
  spkiBase64: string,
  digest: DigestAlgorithm,
  data: Uint8Array,
  signatureBase64: string,
): boolean {
  const key = parseSpki(spkiBase64);
  const signature = fromBase64(signatureBase64);
  if (!key || !signature) return false;
  const eddsa = key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448';
  if (eddsa !== (digest === 'EdDSA')) return false;
  try {
    return verify(nodeDigests[digest], data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
