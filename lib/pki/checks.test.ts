import 'reflect-metadata';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
} from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCsr, type CsrView } from './index';
import { csrView, ecP256, generateKeys, makeCsr, rsa, sampleCsrs } from './test-support';

let ecKeys: CryptoKeyPair;
let rsaCsr: string;
let ecCsr: string;

beforeAll(async () => {
  ({ ecKeys, rsaCsr, ecCsr } = await sampleCsrs());
});

describe('checkCsr', () => {
  const codes = (csr: CsrView) => checkCsr(csr).map((f) => `${f.severity}:${f.code}`);
  const withKey = (csr: CsrView, key: Partial<CsrView['publicKey']>): CsrView => ({
    ...csr,
    publicKey: { ...csr.publicKey, ...key },
  });
  const withExponent = (csr: CsrView, exponent: string): CsrView => {
    const { details } = csr.publicKey;
    if (details.kind !== 'rsa') throw new Error('not RSA');
    return withKey(csr, { details: { ...details, exponent } });
  };

  it('accepts a sound CSR', async () => {
    expect(checkCsr(await csrView(rsaCsr))).toEqual([]);
  });

  it('rejects weak RSA keys, after zlint', async () => {
    const small = await generateKeys({ ...rsa, modulusLength: 1024 });
    expect(codes(await csrView(await makeCsr(small, rsa, 'CN=small')))).toEqual([
      'error:e_rsa_mod_less_than_2048_bits',
    ]);
    const csr = await csrView(rsaCsr);
    expect(codes(withKey(csr, { size: 2047 }))).toEqual([
      'error:e_rsa_mod_less_than_2048_bits',
      'error:e_mp_modulus_must_be_divisible_by_8',
    ]);
    expect(codes(withExponent(csr, '010000'))).toEqual([
      'error:e_rsa_public_exponent_not_odd',
      'warning:w_rsa_public_exponent_not_in_range',
    ]);
    expect(codes(withExponent(csr, '01'))).toEqual(['error:e_rsa_public_exponent_too_small']);
    expect(codes(withExponent(csr, '03'))).toEqual(['warning:w_rsa_public_exponent_not_in_range']);
  });

  it('accepts only the NIST curves', async () => {
    const p384 = { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' };
    const keys = await generateKeys(p384);
    expect(checkCsr(await csrView(await makeCsr(keys, p384, 'CN=p384')))).toEqual([]);
    const finding = checkCsr(withKey(await csrView(ecCsr), { curve: 'secp256k1' }))[0];
    expect(finding).toMatchObject({ field: 'publicKey', severity: 'error', code: 'e_ec_improper_curves' });
    expect(finding?.message).toContain('secp256k1');
  });

  it('needs a common name or a subject alternative name', async () => {
    const nameless = await csrView(await makeCsr(ecKeys, ecP256, 'O=Example SA'));
    expect(checkCsr(nameless)).toEqual([
      {
        field: 'subject',
        severity: 'error',
        code: 'csr_no_subject_name',
        message: 'The CSR has neither a common name nor a subject alternative name',
      },
    ]);
    const sanOnly = await makeCsr(ecKeys, ecP256, 'O=Example SA', [
      new SubjectAlternativeNameExtension([{ type: 'dns', value: 'only-san.example.com' }]),
    ]);
    expect(checkCsr(await csrView(sanOnly))).toEqual([]);
  });

  it('warns when the CSR asks to become a CA', async () => {
    const caCsr = await makeCsr(ecKeys, ecP256, 'CN=Sub CA', [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
    ]);
    const csr = await csrView(caCsr);
    expect(csr.requestedCa).toBe(true);
    expect(checkCsr(csr).map((f) => [f.field, f.severity, f.code])).toEqual([
      ['extensions', 'warning', 'csr_requests_ca'],
      ['extensions', 'warning', 'csr_requests_path_length'],
      ['extensions', 'warning', 'csr_requests_key_cert_sign'],
      ['extensions', 'warning', 'csr_requests_crl_sign'],
    ]);
  });
});
