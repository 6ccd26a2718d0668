import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { fromBase64 } from '@/lib/pki/bytes';
import type { KeyMaterial } from './crypto';
import { TsbError } from './errors';
import { signerForAlgorithm, usageExtensions } from './pki';
import type { CertificateRequestFields } from './schemas';

// CSRs in and out of the simulated HSM, and certificates handed to it for import.

const csrPem =
  /^\s*-----BEGIN (NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\s]+)-----END (NEW )?CERTIFICATE REQUEST-----\s*$/;

/** A PEM CSR (either armor) whose self-signature verifies; 628 otherwise. */
export async function parseCsrPem(text: string): Promise<x509.Pkcs10CertificateRequest> {
  const der = fromBase64(csrPem.exec(text)?.[2] ?? '');
  if (!der) throw new TsbError('csrFormat', 'certificateSigningRequest is not one PEM certificate request');
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(der);
  } catch {
    throw new TsbError('csrFormat', 'certificateSigningRequest does not decode as PKCS#10');
  }
  const verified = await csr.verify().catch(() => false);
  if (!verified) throw new TsbError('csrFormat', "the CSR's signature does not verify with its public key");
  return csr;
}

/** Bare base64 DER of a certificate (import/plain); 626 when it is not one. */
export function parseCertificateBase64(text: string): x509.X509Certificate {
  const der = fromBase64(text);
  if (!der)
    throw new TsbError('certificateEncoding', 'certificate must be bare base64 DER, without PEM armor');
  try {
    return new x509.X509Certificate(der);
  } catch {
    throw new TsbError('certificateEncoding', 'certificate does not decode as X.509 DER');
  }
}

type Attributes = CertificateRequestFields['standardCertificateAttributes'];
type NameValue = { utf8String: string } | { printableString: string } | { ia5String: string };

// Subject attribute order of the TSB's CSRs, most significant first; email as IA5String, country as
// PrintableString (RFC 5280 appendix A), the rest as UTF8String.
const subjectOrder: [keyof Attributes, string, (value: string) => NameValue][] = [
  ['country', '2.5.4.6', (value) => ({ printableString: value })],
  ['stateOrProvinceName', '2.5.4.8', (value) => ({ utf8String: value })],
  ['locality', '2.5.4.7', (value) => ({ utf8String: value })],
  ['organizationName', '2.5.4.10', (value) => ({ utf8String: value })],
  ['organizationUnitName', '2.5.4.11', (value) => ({ utf8String: value })],
  ['organizationIdentifier', '2.5.4.97', (value) => ({ utf8String: value })],
  ['commonName', '2.5.4.3', (value) => ({ utf8String: value })],
  ['title', '2.5.4.12', (value) => ({ utf8String: value })],
  ['surname', '2.5.4.4', (value) => ({ utf8String: value })],
  ['givenName', '2.5.4.42', (value) => ({ utf8String: value })],
  ['initials', '2.5.4.43', (value) => ({ utf8String: value })],
  ['pseudonym', '2.5.4.65', (value) => ({ utf8String: value })],
  ['generationQualifier', '2.5.4.44', (value) => ({ utf8String: value })],
  ['email', '1.2.840.113549.1.9.1', (value) => ({ ia5String: value })],
];

function subjectOf(attributes: Attributes): x509.Name {
  const rdns = subjectOrder.flatMap(([field, oid, encode]) => {
    const value = attributes[field];
    return value ? [{ [oid]: [encode(value)] }] : [];
  });
  return new x509.Name(rdns);
}

/** A CSR signed by the key, with KU (critical) and EKU requested as extensions; PEM with the NEW armor. */
export async function createCsr(material: KeyMaterial, fields: CertificateRequestFields): Promise<string> {
  const signer = await signerForAlgorithm(material, fields.signatureAlgorithm);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: subjectOf(fields.standardCertificateAttributes),
    keys: { privateKey: signer.key, publicKey: material.publicKey },
    signingAlgorithm: signer.algorithm,
    extensions: usageExtensions(fields.keyUsage, fields.extendedKeyUsage),
  });
  return `${x509.PemConverter.encode(csr.rawData, 'NEW CERTIFICATE REQUEST')}\n`;
}
