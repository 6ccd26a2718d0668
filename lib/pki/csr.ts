import { algorithmView } from './algorithm';
import type { AsnNode } from './asn';
import { csrAttributeView, type CsrAttributeView } from './csr-attributes';
import { toHex } from './bytes';
import { extendedKeyUsageName } from './eku';
import { decodeExtensions, type ExtensionView } from './extensions';
import type { SanView } from './general-names';
import { commonNameOf, nameView, type NameView } from './names';
import { derToPem, pemLabels, readPemOrDer, sha256HexNow, type ReadResult } from './pem';
import { publicKeyView, type PublicKeyView } from './public-key';
import type { AlgorithmView, Decoded, PkiInput } from './types';
import { verifySignature } from './signature-check';
import type { KeyUsage } from './usages';
import { readCertificationRequest, readExtensions, type Attribute, type Extension } from './x509';

export type { CsrAttributeView } from './csr-attributes';

export interface CsrView {
  pem: string;
  /** 1 for the only version PKCS#10 defines (encoded as 0). */
  version: number;
  subject: NameView;
  commonName: string | null;
  sans: SanView[];
  publicKey: PublicKeyView;
  signatureAlgorithm: AlgorithmView;
  signatureValid: boolean;
  /** The signature, lower-case hex. */
  signatureValue: string;
  extensions: ExtensionView[];
  /** Every attribute in encoding order, the extension request included. */
  attributes: CsrAttributeView[];
  /** Whether an extension request is there and readable ('unreadable' degrades to no extensions). */
  extensionRequest: 'absent' | 'present' | 'unreadable';
  requestedKeyUsage: KeyUsage[];
  /** TSB enum names (SERVER_AUTH…) where known, else OIDs. */
  requestedExtendedKeyUsage: string[];
  /** The basicConstraints CA flag asked for; null when the CSR does not ask. */
  requestedCa: boolean | null;
  challengePassword: boolean;
  /** Lower-case hex SHA-256 of the DER. */
  sha256: string;
}

const extensionRequest = '1.2.840.113549.1.9.14';
const challengePassword = '1.2.840.113549.1.9.7';

/** Decodes a PKCS#10 request and verifies its self-signature. Never throws. */
export async function decodeCsr(input: PkiInput): Promise<Decoded<CsrView>> {
  return csrFromRead(readPemOrDer(input));
}

export async function csrFromRead(read: ReadResult): Promise<Decoded<CsrView>> {
  if (!read.ok) return read;
  if (read.kind !== 'csr') {
    const found = read.kind === 'certificate' ? 'a certificate' : 'some other DER structure';
    return { ok: false, error: `This is ${found}, not a certificate signing request` };
  }
  try {
    return await csrView(read);
  } catch (error) {
    return {
      ok: false,
      error: `The CSR could not be decoded: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

async function csrView({
  der,
  tree,
}: {
  der: Uint8Array<ArrayBuffer>;
  tree: AsnNode;
}): Promise<Decoded<CsrView>> {
  const asn = readCertificationRequest(tree);
  const { info } = asn;
  const requested = requestedExtensions(info.attributes);
  const extensions = decodeExtensions(requested.extensions);
  const signatureCheck = verifySignature(
    info.der,
    asn.signatureAlgorithm,
    asn.signature,
    info.subjectPublicKeyInfo,
  );
  const publicKey = publicKeyView(info.subjectPublicKeyInfo);
  const sha256 = sha256HexNow(der);
  const signatureValid = await signatureCheck;
  const subject = nameView(info.subject);
  const view: CsrView = {
    pem: derToPem(der, pemLabels.csr),
    version: info.version + 1,
    subject,
    commonName: commonNameOf(subject),
    sans: extensions.sans,
    publicKey: publicKey.view,
    signatureAlgorithm: algorithmView(asn.signatureAlgorithm),
    signatureValid,
    signatureValue: toHex(asn.signature),
    extensions: extensions.views,
    attributes: info.attributes.map(csrAttributeView),
    extensionRequest: requested.state,
    requestedKeyUsage: extensions.keyUsage ?? [],
    requestedExtendedKeyUsage: (extensions.extendedKeyUsage ?? []).map(
      (o) => extendedKeyUsageName(o).name ?? o,
    ),
    requestedCa: extensions.basicConstraints?.ca ?? null,
    challengePassword: info.attributes.some((attribute) => attribute.oid === challengePassword),
    sha256,
  };
  return { ok: true, view, warnings: [...requested.warnings, ...publicKey.warnings, ...extensions.warnings] };
}

function requestedExtensions(attributes: readonly Attribute[]): {
  extensions: Extension[];
  warnings: string[];
  state: CsrView['extensionRequest'];
} {
  const extensions: Extension[] = [];
  const warnings: string[] = [];
  const values = attributes.filter((a) => a.oid === extensionRequest).flatMap((a) => a.values);
  for (const value of values) {
    try {
      extensions.push(...readExtensions(value));
    } catch {
      warnings.push('The requested extensions could not be parsed and are ignored');
    }
  }
  const state = values.length === 0 ? 'absent' : warnings.length > 0 ? 'unreadable' : 'present';
  return { extensions, warnings, state };
}
