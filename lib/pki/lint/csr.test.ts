import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCsr, decodeCsr, type CsrView } from '../index';

async function fixture(path: string): Promise<CsrView> {
  const decoded = await decodeCsr(readFileSync(path, 'utf8'));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.view;
}
const codes = (view: CsrView) => checkCsr(view).map((f) => `${f.severity}:${f.code}`);

function withEkus(view: CsrView, oids: string[]): CsrView {
  const usages = oids.map((oid) => ({ oid, label: oid }));
  const extension = {
    oid: '2.5.29.37',
    name: 'X509v3 Extended Key Usage',
    critical: false,
    lines: [],
    hex: '',
    error: null,
  };
  return { ...view, extensions: [{ ...extension, value: { kind: 'extendedKeyUsage', usages } }] };
}

describe('checkCsr (SECURITY.md rows 16, 18, 19)', () => {
  it('reports every extension the CSR asks for that the profile decides instead', async () => {
    const view = await fixture('mocks/fixtures/openssl/csr-attributes.pem');
    expect(codes(view)).toEqual([
      'warning:csr_requests_ca',
      'warning:csr_requests_path_length',
      'warning:csr_requests_key_cert_sign',
      'warning:csr_requests_crl_sign',
      'warning:csr_requests_ocsp_signing',
      'warning:csr_requests_time_stamping',
      'warning:csr_requests_name_constraints',
      'warning:csr_unknown_critical_extension',
    ]);
  });

  it('refuses keys outside the policy', async () => {
    expect(codes(await fixture('mocks/fixtures/openssl/csr-dsa.pem'))).toEqual([
      'error:csr_signature_invalid',
      'error:e_public_key_algorithm_not_allowed',
    ]);
    expect(codes(await fixture('mocks/fixtures/openssl/csr-ec-secp256k1.pem'))).toContain(
      'error:e_ec_improper_curves',
    );
    expect(codes(await fixture('mocks/fixtures/openssl/csr-rsa-1024.pem'))).toEqual([
      'error:e_rsa_mod_less_than_2048_bits',
    ]);
    for (const name of ['csr-ed25519', 'csr-ed448', 'csr-ec-p384', 'csr-ec-p521', 'csr-rsa-pss']) {
      expect(codes(await fixture(`mocks/fixtures/openssl/${name}.pem`)), name).toEqual([]);
    }
  });

  it.each<[string, (view: CsrView) => CsrView]>([
    ['error:csr_version_invalid', (view) => ({ ...view, version: 2 })],
    ['error:csr_signature_invalid', (view) => ({ ...view, signatureValid: false })],
    ['error:csr_no_subject_name', (view) => ({ ...view, commonName: null, sans: [] })],
    [
      'error:e_subject_common_name_max_length',
      (view) => ({
        ...view,
        subject: {
          text: '',
          attributes: [{ type: 'CN', oid: '2.5.4.3', value: 'x'.repeat(65), tag: 12, rdn: 0 }],
        },
      }),
    ],
    ['warning:csr_extension_request_unreadable', (view) => ({ ...view, extensionRequest: 'unreadable' })],
    ['warning:csr_requests_any_eku', (view) => withEkus(view, ['2.5.29.37.0'])],
    [
      'warning:csr_requests_code_signing_with_server_auth',
      (view) => withEkus(view, ['1.3.6.1.5.5.7.3.3', '1.3.6.1.5.5.7.3.1']),
    ],
  ])('%s', async (code, change) => {
    const view = await fixture('mocks/fixtures/demo-csr-rsa-new-label.pem');
    expect(codes(view)).toEqual([]);
    expect(codes(change(view))).toContain(code);
  });
});
