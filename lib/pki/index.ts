export { copyBytes, fromBase64, stripWhitespace, toBase64, toColonHex, toHex } from './bytes';
export { decodeCertificate, type CertificateView } from './certificate';
export { checkCsr, type Finding, type FindingField, type Severity } from './checks';
export { compareIssued, type IssuanceRequest } from './compare';
export { decodeCsr, type CsrAttributeView, type CsrView } from './csr';
export { decodeAny, type DecodedAny } from './decode-any';
export { extendedKeyUsageName } from './eku';
export type { ExtensionValue, ExtensionView } from './extensions';
export type {
  AccessDescriptionView,
  DistributionPointView,
  PolicyQualifierView,
  PolicyView,
  SctView,
} from './ext/types';
export { maxDerDepth, maxDerNodes, scanDer, type DerScan } from './der-scan';
export type { GeneralNameView, OtherNameValue, SanView } from './general-names';
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
export type { PublicKeyDetails, PublicKeyView } from './public-key';
export type { RsaPssParamsView } from './rsa-pss';
export type { AsnText } from './strings';
export { lintCertificate, type LintOptions } from './lint';
export { certificateIdentity, normaliseSpkiBase64, type CertificateIdentity } from './spki';
export type { AlgorithmView, Decoded, DecodeOptions, PkiInput } from './types';
export * from './usages';
export { verifySignedBy } from './verify';
export { renderOpensslText } from './openssl-text';
export { asn1Tree, hexLimit, type Asn1Node, type Asn1TagClass } from './asn1-tree';
