import type { RsaPssParamsView } from './rsa-pss';

/** What every decoder accepts: PEM text, bare base64 DER, or binary DER. */
export type PkiInput = string | Uint8Array | ArrayBuffer;

/** Decoders degrade instead of throwing: a view with warnings, or a human reason why there is none. */
export type Decoded<T> = { ok: true; view: T; warnings: string[] } | { ok: false; error: string };

export interface AlgorithmView {
  oid: string;
  /** OpenSSL's name (sha256WithRSAEncryption, ecdsa-with-SHA256…), or the OID. */
  name: string;
  /** For RSASSA-PSS only: its parameters, null when absent or unreadable. */
  pss?: RsaPssParamsView | null;
}
