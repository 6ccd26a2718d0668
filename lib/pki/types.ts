import type { RsaPssParamsView } from './rsa-pss';

/** What every decoder accepts: PEM text, bare base64 DER, or binary DER. */
export type PkiInput = string | Uint8Array | ArrayBuffer;

export interface DecodeOptions {
  /**
   * Whether a self-issued certificate's signature is verified (`selfSigned`); default true. Bulk text
   * rendering, which never shows it, passes false and gets `selfSigned: null`. A CSR's signature is always
   * verified: it is the proof of possession.
   */
  checkSelfSignature?: boolean;
}

/** Decoders degrade instead of throwing: a view with warnings, or a human reason why there is none. */
export type Decoded<T> = { ok: true; view: T; warnings: string[] } | { ok: false; error: string };

export interface AlgorithmView {
  oid: string;
  /** OpenSSL's name (sha256WithRSAEncryption, ecdsa-with-SHA256…), or the OID. */
  name: string;
  /** For RSASSA-PSS only: its parameters, null when absent or unreadable. */
  pss?: RsaPssParamsView | null;
}
