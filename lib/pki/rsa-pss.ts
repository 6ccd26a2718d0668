import { childrenOf, integerOf, isContext, oidOf, parseAsn, type AsnNode } from './asn';

/** RSASSA-PSS-params (RFC 4055 §3.1) as encoded: null fields were absent and take their defaults. */
export interface RsaPssParamsView {
  /** Hash OID; null means the default, SHA-1. */
  hashAlgorithm: string | null;
  /** Mask generation OID (MGF1) and its hash OID; null means the default, MGF1 with SHA-1. */
  maskGenAlgorithm: string | null;
  maskHashAlgorithm: string | null;
  /** Decimal; null means the default, 20. */
  saltLength: string | null;
  /** Decimal; null means the default, 1. */
  trailerField: string | null;
}

/** Parses RSASSA-PSS-params; throws on anything malformed. */
export function rsaPssParams(der: Uint8Array): RsaPssParamsView {
  const params: RsaPssParamsView = {
    hashAlgorithm: null,
    maskGenAlgorithm: null,
    maskHashAlgorithm: null,
    saltLength: null,
    trailerField: null,
  };
  let last = -1;
  for (const field of childrenOf(parseAsn(der))) {
    if (field.cls !== 3 || field.tag <= last || field.tag > 3 || field.children.length !== 1) {
      throw new Error('unexpected field in RSASSA-PSS-params');
    }
    last = field.tag;
    const [inner] = field.children as [AsnNode];
    if (isContext(field, 0)) params.hashAlgorithm = algorithmOid(inner);
    if (isContext(field, 1)) {
      params.maskGenAlgorithm = algorithmOid(inner);
      const [, hash] = childrenOf(inner);
      params.maskHashAlgorithm = hash ? algorithmOid(hash) : null;
    }
    if (isContext(field, 2)) params.saltLength = integerOf(inner).toString();
    if (isContext(field, 3)) params.trailerField = integerOf(inner).toString();
  }
  return params;
}

function algorithmOid(node: AsnNode): string {
  const [oid] = childrenOf(node);
  return oidOf(oid);
}
