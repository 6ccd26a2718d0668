import 'reflect-metadata';
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequestGenerator,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
  type Extension,
  type X509Certificate,
} from '@peculiar/x509';
import { decodeCsr, type CsrView } from './csr';

// Key, CSR and certificate factories for the lib/pki specs. Real WebCrypto keys and real signatures, so the
// decoders are tested on what a CA would actually see.

export const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;
export const ecP256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export type SigningAlgorithm = typeof rsa | typeof ecP256 | (RsaHashedKeyGenParams & { hash: string });

export function generateKeys(algorithm: SigningAlgorithm | EcKeyGenParams): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
}

export async function makeCsr(
  keys: CryptoKeyPair,
  algorithm: SigningAlgorithm | EcdsaParams,
  name: string,
  extensions: Extension[] = [],
): Promise<string> {
  const csr = await Pkcs10CertificateRequestGenerator.create({
    name,
    keys,
    signingAlgorithm: algorithm,
    extensions,
  });
  return csr.toString('pem');
}

export interface SampleCsrs {
  rsaKeys: CryptoKeyPair;
  ecKeys: CryptoKeyPair;
  /** RSA 2048 for CN, O and C, with SANs of four kinds, a critical key usage and two extended key usages. */
  rsaCsr: string;
  /** EC P-256 for a CN alone, with the same SANs. */
  ecCsr: string;
}

/** The two requests the CSR decoder and check specs start from, on fresh keys. */
export async function sampleCsrs(): Promise<SampleCsrs> {
  const [rsaKeys, ecKeys] = await Promise.all([generateKeys(rsa), generateKeys(ecP256)]);
  const sans = new SubjectAlternativeNameExtension([
    { type: 'dns', value: 'app.example.com' },
    { type: 'ip', value: '10.0.0.1' },
    { type: 'email', value: 'ops@example.com' },
    { type: 'url', value: 'https://app.example.com/' },
  ]);
  const rsaCsr = await makeCsr(rsaKeys, rsa, 'CN=app.example.com, O=Example SA, C=CH', [
    sans,
    new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment, true),
    new ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']),
  ]);
  const ecCsr = await makeCsr(ecKeys, ecP256, 'CN=ec.example.com', [sans]);
  return { rsaKeys, ecKeys, rsaCsr, ecCsr };
}

/** The view of a CSR that must decode. */
export async function csrView(pem: string): Promise<CsrView> {
  const decoded = await decodeCsr(pem);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.view;
}

const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2035-01-01T00:00:00Z');

export async function makeCa(
  keys: CryptoKeyPair,
  algorithm: SigningAlgorithm,
  name: string,
): Promise<X509Certificate> {
  return X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new BasicConstraintsExtension(true, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
      await SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
}

export interface IssueParams {
  ca: X509Certificate;
  caKeys: CryptoKeyPair;
  algorithm: SigningAlgorithm;
  publicKey: CryptoKey;
  subject: string;
  extensions?: Extension[];
  serialNumber?: string;
}

export async function issue(params: IssueParams): Promise<string> {
  const certificate = await X509CertificateGenerator.create({
    serialNumber: params.serialNumber ?? '0a1b2c3d',
    subject: params.subject,
    issuer: params.ca.subject,
    notBefore,
    notAfter,
    signingAlgorithm: params.algorithm,
    publicKey: params.publicKey,
    signingKey: params.caKeys.privateKey,
    extensions: params.extensions ?? [],
  });
  return certificate.toString('pem');
}
