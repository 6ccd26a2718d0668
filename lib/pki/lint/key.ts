import type { PublicKeyView } from '../public-key';
import { fermatFactorable, rocaFingerprint, smallFactor } from './rsa-weakness';
import { findingsFor, type Finding } from './types';

// Key policy (SECURITY.md row 18, BR 6.1.5/6.1.6): RSA of at least 2048 bits, a multiple of 8, with a sound
// modulus and exponent; EC on P-256, P-384 or P-521; EdDSA allowed; nothing else.

const allowedCurves = ['P-256', 'P-384', 'P-521'];
const allowedAlgorithms = ['RSA', 'RSA-PSS', 'EC', 'Ed25519', 'Ed448'];

export function keyFindings(publicKey: PublicKeyView): Finding[] {
  const findings: Finding[] = [];
  const error = findingsFor('publicKey', findings).bind(null, 'error');
  if (!allowedAlgorithms.includes(publicKey.algorithm)) {
    error(
      'e_public_key_algorithm_not_allowed',
      `${publicKey.algorithm} keys are not allowed; use RSA, EC or EdDSA`,
    );
  }
  if (publicKey.algorithm === 'RSA' || publicKey.algorithm === 'RSA-PSS')
    findings.push(...rsaFindings(publicKey));
  if (publicKey.algorithm === 'EC' && !allowedCurves.includes(publicKey.curve ?? '')) {
    error(
      'e_ec_improper_curves',
      `The EC curve ${publicKey.curve ?? '(unknown)'} is not P-256, P-384 or P-521`,
    );
  }
  return findings;
}

function signed(hex: string): bigint {
  const value = BigInt(`0x${hex || '0'}`);
  return hex.length > 0 && parseInt(hex[0] ?? '0', 16) >= 8 ? value - (1n << BigInt(hex.length * 4)) : value;
}

function rsaFindings({ size, details }: PublicKeyView): Finding[] {
  const findings: Finding[] = [];
  const add = findingsFor('publicKey', findings);
  if (details.kind !== 'rsa' || size === null) {
    add('error', 'csr_public_key_unreadable', 'The RSA public key could not be read');
    return findings;
  }
  const n = signed(details.modulus);
  const e = signed(details.exponent);
  if (size < 2048)
    add('error', 'e_rsa_mod_less_than_2048_bits', `The RSA key has ${size} bits; at least 2048 are required`);
  if (size % 8 !== 0) {
    add(
      'error',
      'e_mp_modulus_must_be_divisible_by_8',
      `The RSA modulus (${size} bits) is not a multiple of 8 bits`,
    );
  }
  if (n % 2n === 0n) add('error', 'e_rsa_mod_not_odd', 'The RSA modulus is even');
  const factor = smallFactor(n);
  if (factor !== null)
    add('error', 'e_rsa_mod_factors_smaller_than_752', `The RSA modulus is divisible by ${factor}`);
  if (n > 0n && fermatFactorable(n)) {
    add(
      'error',
      'e_rsa_fermat_factorization',
      "The RSA modulus's primes are so close that Fermat's method factors it",
    );
  }
  if (n > 0n && rocaFingerprint(n)) {
    add(
      'error',
      'e_rsa_roca_fingerprint',
      'The RSA key has the ROCA fingerprint (CVE-2017-15361): it can be factored',
    );
  }
  if (e < 0n) add('error', 'e_rsa_exp_negative', `The RSA public exponent ${e} is negative`);
  else if (e % 2n === 0n)
    add('error', 'e_rsa_public_exponent_not_odd', `The RSA public exponent ${e} is even`);
  if (e >= 0n && e < 3n)
    add('error', 'e_rsa_public_exponent_too_small', `The RSA public exponent ${e} is smaller than 3`);
  else if (e >= 3n && e < 65537n) {
    add(
      'warning',
      'w_rsa_public_exponent_not_in_range',
      `The RSA public exponent ${e} is below 2^16+1 (BR 6.1.6)`,
    );
  } else if (e >= 1n << 256n) {
    add('error', 'e_rsa_public_exponent_not_in_range', 'The RSA public exponent is above 2^256-1 (BR 6.1.6)');
  }
  return findings;
}
