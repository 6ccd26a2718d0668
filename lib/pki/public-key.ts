import { ECParameters } from '@peculiar/asn1-ecc';
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { toBase64 } from './bytes';
import { curves, publicKeyAlgorithms } from './oids';
import { sha256Hex } from './pem';

export interface PublicKeyView {
  algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'RSA-PSS' | (string & {});
  /** Bits: modulus length for RSA, field size for EC. */
  size: number | null;
  /** 'P-256', 'P-384', 'P-521', another curve's name, or its OID. */
  curve: string | null;
  exponent: number | null;
  /** Base64 DER SubjectPublicKeyInfo, the form the TSB uses for keys. */
  spkiBase64: string;
  spkiSha256: string;
}

const fixedSizes: Record<string, number> = { Ed25519: 256, Ed448: 456, X25519: 253, X448: 448 };

export async function publicKeyView(
  spki: SubjectPublicKeyInfo,
): Promise<{ view: PublicKeyView; warnings: string[] }> {
  const der = AsnConvert.serialize(spki);
  const oid = spki.algorithm.algorithm;
  const algorithm = publicKeyAlgorithms[oid] ?? oid;
  const view: PublicKeyView = {
    algorithm,
    size: fixedSizes[algorithm] ?? null,
    curve: null,
    exponent: null,
    spkiBase64: toBase64(der),
    spkiSha256: await sha256Hex(der),
  };
  const warnings: string[] = [];
  try {
    if (algorithm === 'RSA' || algorithm === 'RSA-PSS') Object.assign(view, rsaDetails(spki));
    if (algorithm === 'EC') Object.assign(view, ecDetails(spki));
  } catch {
    warnings.push(`The ${algorithm} public key could not be read; its size is unknown`);
  }
  return { view, warnings };
}

function rsaDetails(spki: SubjectPublicKeyInfo): Pick<PublicKeyView, 'size' | 'exponent'> {
  const key = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
  return {
    size: bitLength(new Uint8Array(key.modulus)),
    exponent: toNumber(new Uint8Array(key.publicExponent)),
  };
}

function ecDetails(spki: SubjectPublicKeyInfo): Pick<PublicKeyView, 'size' | 'curve'> {
  if (!spki.algorithm.parameters) return { size: null, curve: null };
  const { namedCurve } = AsnConvert.parse(spki.algorithm.parameters, ECParameters);
  if (!namedCurve) return { size: null, curve: 'explicit parameters' };
  const known = curves[namedCurve];
  return { size: known?.size ?? null, curve: known?.name ?? namedCurve };
}

function bitLength(bytes: Uint8Array): number {
  const start = bytes.findIndex((b) => b !== 0);
  if (start === -1) return 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(bytes[start] ?? 0));
}

function toNumber(bytes: Uint8Array): number {
  return Number(bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n));
}
