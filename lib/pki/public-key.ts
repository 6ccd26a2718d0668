import { childrenOf, integerOf, isUniversal, oidOf, parseAsn } from './asn';
import { toBase64, toHex } from './bytes';
import { curves, publicKeyAlgorithms } from './oids';
import { sha256HexNow } from './pem';
import { rsaPssParams, type RsaPssParamsView } from './rsa-pss';
import type { SubjectPublicKeyInfo } from './x509';

export interface PublicKeyView {
  algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'RSA-PSS' | (string & {});
  /** Bits: modulus length for RSA, field size for EC. */
  size: number | null;
  /** 'P-256', 'P-384', 'P-521', another curve's name, or its OID. */
  curve: string | null;
  /** The RSA public exponent; exact up to 2^53 (see `details.exponent` for every digit). */
  exponent: number | null;
  /** Base64 DER SubjectPublicKeyInfo, the form the TSB uses for keys. */
  spkiBase64: string;
  spkiSha256: string;
  /** The SubjectPublicKeyInfo algorithm OID. */
  oid: string;
  details: PublicKeyDetails;
}

/** The key material by family, lower-case hex, as OpenSSL prints it. */
export type PublicKeyDetails =
  | { kind: 'rsa'; modulus: string; exponent: string; pss?: RsaPssParamsView | null }
  | { kind: 'ec'; curveOid: string | null; point: string }
  | { kind: 'raw'; point: string }
  | { kind: 'dsa'; p: string; q: string; g: string; publicKey: string }
  | { kind: 'unknown'; point: string };

const fixedSizes: Record<string, number> = { Ed25519: 256, Ed448: 456, X25519: 253, X448: 448 };

/** The key's view; its SubjectPublicKeyInfo is taken as encoded in the input. */
export function publicKeyView(spki: SubjectPublicKeyInfo): { view: PublicKeyView; warnings: string[] } {
  const { der, publicKey: point } = spki;
  const { oid, parameters } = spki.algorithm;
  const algorithm = publicKeyAlgorithms[oid] ?? oid;
  const view: PublicKeyView = {
    algorithm,
    size: fixedSizes[algorithm] ?? null,
    curve: null,
    exponent: null,
    spkiBase64: toBase64(der),
    spkiSha256: sha256HexNow(der),
    oid,
    details: { kind: fixedSizes[algorithm] ? 'raw' : 'unknown', point: toHex(point) },
  };
  const warnings: string[] = [];
  try {
    if (algorithm === 'RSA' || algorithm === 'RSA-PSS')
      Object.assign(view, rsaDetails(point, algorithm, parameters));
    if (algorithm === 'EC') Object.assign(view, ecDetails(point, parameters));
    if (algorithm === 'DSA') Object.assign(view, dsaDetails(point, parameters));
  } catch {
    warnings.push(`The ${algorithm} public key could not be read; its size is unknown`);
  }
  return { view, warnings };
}

function rsaDetails(
  point: Uint8Array,
  algorithm: string,
  parameters: Uint8Array | null,
): Partial<PublicKeyView> {
  const [modulus, exponent, ...rest] = childrenOf(parseAsn(point));
  if (!isUniversal(modulus, 2) || !isUniversal(exponent, 2) || rest.length > 0) {
    throw new Error('malformed RSAPublicKey');
  }
  const e = integerOf(exponent);
  const details: PublicKeyDetails = {
    kind: 'rsa',
    modulus: toHex(modulus.content),
    exponent: toHex(exponent.content),
  };
  if (algorithm === 'RSA-PSS')
    details.pss = parameters && !isNull(parameters) ? rsaPssParams(parameters) : null;
  return { size: bitLength(modulus.content), exponent: Number(e), details };
}

function isNull(bytes: Uint8Array): boolean {
  return bytes.length === 2 && bytes[0] === 0x05 && bytes[1] === 0;
}

function ecDetails(point: Uint8Array, parameters: Uint8Array | null): Partial<PublicKeyView> {
  const details: PublicKeyDetails = { kind: 'ec', curveOid: null, point: toHex(point) };
  if (!parameters) return { size: null, curve: null, details };
  const node = parseAsn(parameters);
  if (!isUniversal(node, 6)) return { size: null, curve: 'explicit parameters', details };
  const curveOid = oidOf(node);
  const known = curves[curveOid];
  return { size: known?.size ?? null, curve: known?.name ?? curveOid, details: { ...details, curveOid } };
}

function dsaDetails(point: Uint8Array, parameters: Uint8Array | null): Partial<PublicKeyView> {
  const [p, q, g, ...rest] = parameters ? childrenOf(parseAsn(parameters)) : [];
  const publicKey = parseAsn(point);
  if (!isUniversal(p, 2) || !isUniversal(q, 2) || !isUniversal(g, 2) || rest.length > 0) {
    throw new Error('DSA parameters are missing or malformed');
  }
  if (!isUniversal(publicKey, 2)) throw new Error('malformed DSA public key');
  const hex = (n: { content: Uint8Array }) => toHex(n.content);
  return {
    size: bitLength(p.content),
    details: { kind: 'dsa', p: hex(p), q: hex(q), g: hex(g), publicKey: hex(publicKey) },
  };
}

export function bitLength(bytes: Uint8Array): number {
  const start = bytes.findIndex((b) => b !== 0);
  if (start === -1) return 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(bytes[start] ?? 0));
}
