import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCsr, type PublicKeyView } from '../index';
import { keyFindings } from './key';
import { fermatFactorable, rocaFingerprint, smallFactor } from './rsa-weakness';

let rsa: PublicKeyView;
let modulus: bigint;

beforeAll(async () => {
  const decoded = await decodeCsr(readFileSync('mocks/fixtures/demo-csr-rsa-new-label.pem', 'utf8'));
  if (!decoded.ok || decoded.view.publicKey.details.kind !== 'rsa') throw new Error('fixture');
  rsa = decoded.view.publicKey;
  modulus = BigInt(`0x${decoded.view.publicKey.details.modulus}`);
});

const hex = (n: bigint) => {
  const text = n.toString(16);
  return text.length % 2 ? `0${text}` : text;
};
/** The fixture's RSA key with another modulus or exponent (hex of the DER INTEGER contents). */
function rsaKey(change: { modulus?: bigint; exponentHex?: string }): PublicKeyView {
  if (rsa.details.kind !== 'rsa') throw new Error('fixture');
  const n = change.modulus ?? modulus;
  const bits = n.toString(2).length;
  return {
    ...rsa,
    size: bits,
    details: { ...rsa.details, modulus: `00${hex(n)}`, exponent: change.exponentHex ?? rsa.details.exponent },
  };
}
const codes = (key: PublicKeyView) => keyFindings(key).map((f) => `${f.severity}:${f.code}`);

describe('key lints', () => {
  it('finds nothing wrong with a sound RSA 2048 key', () => {
    expect(keyFindings(rsa)).toEqual([]);
  });

  it.each([
    ['e_rsa_mod_less_than_2048_bits', () => rsaKey({ modulus: (modulus >> 1100n) | 1n })],
    ['e_mp_modulus_must_be_divisible_by_8', () => rsaKey({ modulus: (modulus << 2n) | 1n })],
    ['e_rsa_mod_not_odd', () => rsaKey({ modulus: modulus * 2n })],
    ['e_rsa_mod_factors_smaller_than_752', () => rsaKey({ modulus: (modulus >> 10n) * 751n })],
    ['e_rsa_fermat_factorization', () => rsaKey({ modulus: ((1n << 1024n) + 12345n) ** 2n - 9n })],
    ['e_rsa_roca_fingerprint', () => rsaKey({ modulus: 65537n ** 127n })],
    ['e_rsa_exp_negative', () => rsaKey({ exponentHex: 'ff' })],
    ['e_rsa_public_exponent_not_odd', () => rsaKey({ exponentHex: '010000' })],
    ['e_rsa_public_exponent_too_small', () => rsaKey({ exponentHex: '01' })],
    ['w_rsa_public_exponent_not_in_range', () => rsaKey({ exponentHex: '11' })],
    ['e_rsa_public_exponent_not_in_range', () => rsaKey({ exponentHex: `01${'00'.repeat(31)}01` })],
  ])('%s', (code, key) => {
    expect(codes(key()).map((c) => c.slice(c.indexOf(':') + 1))).toContain(code);
  });

  it('e_ec_improper_curves and e_public_key_algorithm_not_allowed', () => {
    const ec = {
      ...rsa,
      algorithm: 'EC',
      curve: 'secp256k1',
      details: { kind: 'ec', curveOid: '1.3.132.0.10', point: '04' },
    } as const;
    expect(codes(ec)).toEqual(['error:e_ec_improper_curves']);
    expect(codes({ ...ec, curve: 'P-384' })).toEqual([]);
    expect(codes({ ...rsa, algorithm: 'DSA', details: { kind: 'unknown', point: '' } })).toEqual([
      'error:e_public_key_algorithm_not_allowed',
    ]);
    expect(codes({ ...rsa, algorithm: 'Ed25519', details: { kind: 'raw', point: '00' } })).toEqual([]);
  });
});

describe('RSA modulus weaknesses', () => {
  it('tells weak moduli from a sound one', () => {
    expect(smallFactor(modulus)).toBeNull();
    expect(smallFactor(modulus * 743n)).toBe(743);
    expect(fermatFactorable(modulus)).toBe(false);
    expect(fermatFactorable(((1n << 1024n) + 3n) * ((1n << 1024n) + 7n))).toBe(true);
    expect(rocaFingerprint(modulus)).toBe(false);
    expect(rocaFingerprint(65537n ** 99n)).toBe(true);
  });

  it("finds Fermat's factors up to the hundredth round and no further", () => {
    // n = s² − t² = (s − t)(s + t): Fermat's method reaches a = s after about t² / 2s rounds.
    const s = (1n << 1024n) + 12345n;
    const sqrtCeil = (n: bigint) => {
      let low = 0n;
      let high = 1n << 1100n;
      while (low < high) {
        const mid = (low + high) >> 1n;
        if (mid * mid >= n) high = mid;
        else low = mid + 1n;
      }
      return low;
    };
    const afterRounds = (k: bigint) => {
      const t = sqrtCeil(2n * s * k);
      return s * s - t * t;
    };
    const roundFound = (n: bigint) => s - sqrtCeil(n);
    expect(fermatFactorable(afterRounds(0n))).toBe(true);
    for (const k of [1n, 37n, 99n]) {
      const n = afterRounds(k);
      expect(roundFound(n)).toBeLessThan(100n);
      expect(fermatFactorable(n)).toBe(true);
    }
    const n = afterRounds(101n);
    expect(roundFound(n)).toBeGreaterThanOrEqual(100n);
    expect(fermatFactorable(n)).toBe(false);
  });
});
