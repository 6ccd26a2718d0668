import { decodeCertificate, type CertificateView } from './certificate';
import { decodeCsr } from './csr';
import { sameName } from './names';
import { readPemOrDer } from './pem';
import { serialView } from './serial';
import type { ExtendedKeyUsage, KeyUsage } from './usages';
import { verifySignedBy } from './verify';
import { readCertificate } from './x509';

export interface IssuanceRequest {
  csrPem: string;
  commonName: string;
  keyUsage: KeyUsage[];
  extendedKeyUsage: ExtendedKeyUsage[];
  certificateAuthority: boolean;
  /** The CA key's certificate; null skips the issuer name and signature checks. */
  issuerCertPem: string | null;
}

/**
 * Differences between what was asked and what was issued, as sentences for the request page; empty when the
 * certificate matches. KU and EKU are compared only when some were asked for.
 */
export async function compareIssued(expected: IssuanceRequest, issuedPem: string): Promise<string[]> {
  const issued = await decodeCertificate(issuedPem);
  if (!issued.ok) return [`The issued certificate could not be read: ${issued.error}`];
  const cert = issued.view;
  const csr = await decodeCsr(expected.csrPem);
  const mismatches: string[] = [];
  if (!csr.ok) mismatches.push(`The CSR could not be read, so the public key was not compared: ${csr.error}`);
  else if (csr.view.publicKey.spkiBase64 !== cert.publicKey.spkiBase64) {
    mismatches.push("The certificate's public key is not the CSR's public key");
  }
  if (cert.commonName !== expected.commonName) {
    mismatches.push(`The common name is ${quote(cert.commonName)}, not ${quote(expected.commonName)}`);
  }
  mismatches.push(...usageMismatches(expected, cert), ...serialMismatches(cert));
  const issuedCa = cert.basicConstraints?.ca ?? false;
  if (issuedCa !== expected.certificateAuthority) {
    mismatches.push(
      `The certificate is ${issuedCa ? '' : 'not '}a CA certificate, contrary to what was asked`,
    );
  }
  if (expected.issuerCertPem !== null)
    mismatches.push(...(await issuerMismatches(cert, expected.issuerCertPem)));
  return mismatches;
}

function usageMismatches(expected: IssuanceRequest, cert: CertificateView): string[] {
  const mismatches: string[] = [];
  const issuedKu = cert.keyUsage ?? [];
  if (expected.keyUsage.length > 0 && !sameSet(expected.keyUsage, issuedKu)) {
    mismatches.push(`The key usage is ${list(issuedKu)}, not ${list(expected.keyUsage)}`);
  }
  const issuedEku = (cert.extendedKeyUsage ?? []).map((eku) => eku.name ?? eku.oid);
  if (expected.extendedKeyUsage.length > 0 && !sameSet(expected.extendedKeyUsage, issuedEku)) {
    mismatches.push(`The extended key usage is ${list(issuedEku)}, not ${list(expected.extendedKeyUsage)}`);
  }
  return mismatches;
}

function serialMismatches(cert: CertificateView): string[] {
  const read = readPemOrDer(cert.derBase64);
  if (!read.ok) return [];
  const serial = serialView(readCertificate(read.tree).tbs.serial);
  const mismatches: string[] = [];
  if (!serial.positive)
    mismatches.push(`The serial number ${serial.decimal} is not positive (RFC 5280 §4.1.2.2)`);
  if (serial.octets > 20)
    mismatches.push(`The serial number is ${serial.octets} octets long; RFC 5280 allows 20`);
  return mismatches;
}

async function issuerMismatches(cert: CertificateView, issuerCertPem: string): Promise<string[]> {
  const issuer = await decodeCertificate(issuerCertPem);
  if (!issuer.ok) return [`The CA certificate could not be read: ${issuer.error}`];
  const mismatches: string[] = [];
  if (!sameName(cert.issuer, issuer.view.subject)) {
    mismatches.push(
      `The issuer is "${cert.issuer.text}", not the CA key's subject "${issuer.view.subject.text}"`,
    );
  }
  if (!(await verifySignedBy(cert.derBase64, issuer.view.derBase64))) {
    mismatches.push("The signature does not verify with the CA key's certificate");
  }
  return mismatches;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((item) => b.includes(item));
const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'absent');
const quote = (value: string | null) => (value === null ? 'absent' : `"${value}"`);
