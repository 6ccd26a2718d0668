export { copyBytes, fromBase64, stripWhitespace, toBase64, toColonHex, toHex } from './bytes';
export { decodeCertificate, type CertificateView } from './certificate';
export { checkCsr, type Finding } from './checks';
export { compareIssued, type IssuanceRequest } from './compare';
export { decodeCsr, type CsrView } from './csr';
export { decodeAny, type DecodedAny } from './decode-any';
export { extendedKeyUsageName } from './eku';
export type { ExtensionView } from './extensions';
export type { SanView } from './general-names';
export { sameName, type NameAttributeView, type NameView } from './names';
export {
  derToPem,
  maxInputBytes,
  pemLabels,
  pemToBase64Der,
  readPemOrDer,
  sha256Hex,
  type DerKind,
  type ReadResult,
} from './pem';
export { keyUsageWarnings, usagePresets, type UsageChoice, type UsagePreset } from './presets';
export type { PublicKeyView } from './public-key';
export { certificateIdentity, normaliseSpkiBase64, type CertificateIdentity } from './spki';
export type { AlgorithmView, Decoded, PkiInput } from './types';
export * from './usages';
export { verifySignedBy } from './verify';
export { renderOpensslText } from './openssl-text';
