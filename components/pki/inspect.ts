import type { CertificateView, CsrView, Decoded, Finding } from '@/lib/pki';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { loadPki } from './load-pki';

/** Everything the certificate and CSR views show, computed once in the browser from the PEM. */
export interface Inspection<V> {
  view: V;
  /** Decoding warnings (a duplicate extension, an unreadable value…). */
  warnings: string[];
  /** lintCertificate or checkCsr findings. */
  findings: Finding[];
  /** What `openssl x509|req -noout -text` prints. */
  opensslText: string;
  asn1: Decoded<Asn1Node>;
  der: Uint8Array<ArrayBuffer>;
}

export type Inspected<V> = ({ ok: true } & Inspection<V>) | { ok: false; error: string };

type Pki = Awaited<ReturnType<typeof loadPki>>;

const loadFailure = {
  ok: false,
  error: 'The decoder could not be loaded; reload the page and try again',
} as const;

async function modules(): Promise<Pki | null> {
  try {
    return await loadPki();
  } catch {
    return null;
  }
}

function common<V extends CertificateView | CsrView>(pki: Pki, view: V) {
  const read = pki.readPemOrDer(view.pem);
  const der = read.ok ? read.der : new Uint8Array(0);
  let opensslText: string;
  try {
    opensslText = pki.renderOpensslText(view);
  } catch (error) {
    opensslText = `The OpenSSL text could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { der, opensslText, asn1: pki.asn1Tree(der) };
}

/**
 * Decodes, lints and renders a certificate; with the issuing CA's PEM the lint also checks the certificate
 * against its issuer. Never rejects.
 */
export async function inspectCertificate(
  pem: string,
  issuerPem?: string | null,
): Promise<Inspected<CertificateView>> {
  const pki = await modules();
  if (!pki) return loadFailure;
  const decoded = await pki.decodeCertificate(pem);
  if (!decoded.ok) return decoded;
  const warnings = [...decoded.warnings];
  const issuer = issuerPem ? await pki.decodeCertificate(issuerPem) : null;
  if (issuer && !issuer.ok)
    warnings.push(`The CA certificate could not be read, so the issuer checks were skipped: ${issuer.error}`);
  const findings = pki.lintCertificate(decoded.view, issuer?.ok ? { issuer: issuer.view } : {});
  return { ok: true, view: decoded.view, warnings, findings, ...common(pki, decoded.view) };
}

/** Decodes, checks and renders a CSR. Never rejects. */
export async function inspectCsr(pem: string): Promise<Inspected<CsrView>> {
  const pki = await modules();
  if (!pki) return loadFailure;
  const decoded = await pki.decodeCsr(pem);
  if (!decoded.ok) return decoded;
  const findings = pki.checkCsr(decoded.view);
  return {
    ok: true,
    view: decoded.view,
    warnings: decoded.warnings,
    findings,
    ...common(pki, decoded.view),
  };
}

export type AnyInspection =
  | { kind: 'csr'; result: Inspected<CsrView> }
  | { kind: 'certificate'; result: Inspected<CertificateView> }
  | { kind: 'unknown'; error: string };

/** Whatever was pasted, told apart by its bytes. Never rejects. */
export async function inspectAny(input: string): Promise<AnyInspection> {
  let pki;
  try {
    pki = await loadPki();
  } catch {
    return { kind: 'unknown', error: loadFailure.error };
  }
  const read = pki.readPemOrDer(input);
  if (!read.ok) return { kind: 'unknown', error: read.error };
  if (read.kind === 'csr') return { kind: 'csr', result: await inspectCsr(input) };
  if (read.kind === 'certificate') return { kind: 'certificate', result: await inspectCertificate(input) };
  return {
    kind: 'unknown',
    error: 'This is valid DER but neither a certificate nor a certificate signing request',
  };
}
