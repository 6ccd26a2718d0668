import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCertificate, lintCertificate, type CertificateView, type ExtensionView } from '../index';

const dayMs = 86_400_000;
let root: CertificateView;
let leaf: CertificateView;

async function fixture(name: string): Promise<CertificateView> {
  const decoded = await decodeCertificate(readFileSync(`mocks/fixtures/${name}`, 'utf8'));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.view;
}

beforeAll(async () => {
  root = await fixture('demo-root-ca.pem');
  const issued = await fixture('demo-tls-server.pem');
  // The demo leaf, valid for one year so that it is lint-clean.
  leaf = { ...issued, notAfter: new Date(Date.parse(issued.notBefore) + 365 * dayMs).toISOString() };
});

const codes = (view: CertificateView, issuer?: CertificateView) =>
  lintCertificate(view, { issuer }).map((f) => `${f.severity}:${f.code}`);
const without = (view: CertificateView, oid: string) => ({
  ...view,
  extensions: view.extensions.filter((e) => e.oid !== oid),
});
const withExtension = (view: CertificateView, extension: Partial<ExtensionView> & { oid: string }) => ({
  ...view,
  extensions: view.extensions.map((e) => (e.oid === extension.oid ? { ...e, ...extension } : e)),
});

describe('lintCertificate', () => {
  it('finds nothing wrong with the demo CA and a one-year leaf it issued', () => {
    expect(codes(root)).toEqual([]);
    expect(codes(leaf, root)).toEqual([]);
  });

  it.each<[string, () => CertificateView, (() => CertificateView)?]>([
    ['error:e_serial_number_not_positive', () => ({ ...leaf, serialDecimal: '0' })],
    ['error:e_serial_number_longer_than_20_octets', () => ({ ...leaf, serialDecimal: String(1n << 159n) })],
    ['error:e_validity_time_not_positive', () => ({ ...leaf, notAfter: '2020-01-01T00:00:00.000Z' })],
    [
      'error:e_tls_server_cert_valid_time_longer_than_398_days',
      () => ({ ...leaf, notAfter: '2030-01-01T00:00:00.000Z' }),
    ],
    ['error:e_subject_common_name_max_length', () => cn(leaf, 'a'.repeat(65))],
    [
      'error:e_subject_common_name_not_from_san',
      () => ({ ...cn(leaf, 'other.example.com'), commonName: 'other.example.com' }),
    ],
    ['error:e_ext_san_missing', () => without(leaf, '2.5.29.17')],
    ['error:e_sub_cert_eku_missing', () => ({ ...leaf, extendedKeyUsage: null })],
    ['error:e_sub_cert_eku_contains_any_eku', () => eku(leaf, '2.5.29.37.0')],
    ['warning:w_sub_cert_eku_extra_values', () => eku(leaf, '1.3.6.1.5.5.7.3.4')],
    ['warning:w_sub_cert_eku_code_signing_with_server_auth', () => eku(leaf, '1.3.6.1.5.5.7.3.3')],
    [
      'error:e_sub_cert_key_usage_crl_sign_bit_set',
      () => ({ ...leaf, keyUsage: ['DIGITAL_SIGNATURE', 'CRL_SIGN'] }),
    ],
    [
      'error:e_ext_key_usage_cert_sign_without_ca',
      () => ({ ...leaf, keyUsage: ['DIGITAL_SIGNATURE', 'KEY_CERT_SIGN'] }),
    ],
    ['error:e_ext_key_usage_without_bits', () => ({ ...leaf, keyUsage: [] })],
    [
      'error:e_key_usage_and_extended_key_usage_inconsistent',
      () => ({ ...leaf, keyUsage: ['DATA_ENCIPHERMENT'] }),
    ],
    ['error:e_ca_key_usage_missing', () => ({ ...root, keyUsage: null })],
    ['error:e_ca_key_cert_sign_not_set', () => ({ ...root, keyUsage: ['CRL_SIGN'] })],
    ['error:e_ca_crl_sign_not_set', () => ({ ...root, keyUsage: ['KEY_CERT_SIGN'] })],
    ['error:e_ca_key_usage_not_critical', () => withExtension(root, { oid: '2.5.29.15', critical: false })],
    [
      'error:e_basic_constraints_not_critical',
      () => withExtension(root, { oid: '2.5.29.19', critical: false }),
    ],
    ['error:e_ext_subject_key_identifier_missing_ca', () => without(root, '2.5.29.14')],
    ['error:e_ca_subject_field_empty', () => ({ ...root, subject: { text: '', attributes: [] } })],
    [
      'error:e_ext_duplicate_extension',
      () => ({ ...leaf, extensions: [...leaf.extensions, leaf.extensions[0]!] }),
    ],
    [
      'error:e_ext_value_not_parseable',
      () => withExtension(leaf, { oid: '2.5.29.15', error: 'expected a BIT STRING' }),
    ],
    [
      'error:e_ext_critical_unrecognized',
      () => withExtension(leaf, { oid: '1.3.6.1.4.1.55555.99', critical: true }),
    ],
    ['error:e_cert_extensions_version_not_3', () => ({ ...leaf, version: 1 })],
    ['error:e_ext_authority_key_identifier_missing', () => without(leaf, '2.5.29.35')],
    [
      'error:e_rsa_mod_less_than_2048_bits',
      () => ({ ...leaf, publicKey: { ...leaf.publicKey, size: 1024 } }),
    ],
  ])('%s', (code, broken) => {
    expect(codes(broken())).toContain(code);
  });

  it.each<[string, () => CertificateView, () => CertificateView]>([
    ['error:e_issuer_name_mismatch', () => leaf, () => ({ ...root, subject: leaf.subject })],
    ['error:e_authority_key_identifier_mismatch', () => leaf, () => ({ ...root, subjectKeyId: 'AA:BB' })],
    [
      'error:e_issuer_not_ca',
      () => leaf,
      () => ({ ...root, basicConstraints: { ca: false, pathLength: null } }),
    ],
    ['error:e_issuer_key_cert_sign_not_set', () => leaf, () => ({ ...root, keyUsage: ['CRL_SIGN'] })],
    [
      'error:e_issuer_path_length_exceeded',
      () => ({ ...leaf, basicConstraints: { ca: true, pathLength: null } }),
      () => ({ ...root, basicConstraints: { ca: true, pathLength: 0 } }),
    ],
    [
      'error:e_validity_not_within_issuer',
      () => ({ ...leaf, notAfter: '2040-01-01T00:00:00.000Z' }),
      () => root,
    ],
    [
      'warning:w_validity_starts_before_issuer',
      () => ({ ...leaf, notBefore: '2000-01-01T00:00:00.000Z' }),
      () => root,
    ],
  ])('%s (against the issuer)', (code, view, issuer) => {
    expect(codes(view(), issuer())).toContain(code);
  });
});

function cn(view: CertificateView, value: string): CertificateView {
  const attributes = view.subject.attributes.map((a) => (a.oid === '2.5.4.3' ? { ...a, value } : a));
  return { ...view, subject: { ...view.subject, attributes } };
}

function eku(view: CertificateView, oid: string): CertificateView {
  return { ...view, extendedKeyUsage: [...(view.extendedKeyUsage ?? []), { oid, name: null, label: oid }] };
}
