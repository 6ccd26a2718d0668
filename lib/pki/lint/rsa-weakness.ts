// Known ways an RSA modulus can be weak, checked as zlint and the ROCA detector do. Number theory on the
// public modulus only; nothing here signs, verifies or derives keys.

const smallPrimes: number[] = [];
for (let n = 2; n < 752; n++) if (smallPrimes.every((p) => n % p !== 0)) smallPrimes.push(n);

/** zlint e_rsa_mod_factors_smaller_than_752: a prime factor below 752. */
export function smallFactor(modulus: bigint): number | null {
  return smallPrimes.find((p) => modulus % BigInt(p) === 0n && modulus !== BigInt(p)) ?? null;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Any start at or above the root converges to it; four bits per hex digit bound the length cheaply.
  let x = 1n << BigInt(Math.ceil((n.toString(16).length * 4) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

// Squares modulo 64, 63, 65 and 11 rule out most candidates before a square root is taken.
const residueFilters = [64, 63, 65, 11].map((m) => {
  const squares = new Set<number>();
  for (let i = 0; i < m; i++) squares.add((i * i) % m);
  return { m: BigInt(m), squares };
});

function isSquare(n: bigint): boolean {
  if (n < 0n) return false;
  if (!residueFilters.every(({ m, squares }) => squares.has(Number(n % m)))) return false;
  const root = isqrt(n);
  return root * root === n;
}

// The filters' moduli are coprime, so one residue modulo their product gives the residue for each.
const filterProduct = 64 * 63 * 65 * 11;

function passesFilters(residue: number): boolean {
  return residueFilters.every(({ m, squares }) => squares.has(residue % Number(m)));
}

/** zlint e_rsa_fermat_factorization: primes so close that Fermat's method finds them within 100 rounds. */
export function fermatFactorable(modulus: bigint, rounds = 100): boolean {
  let a = isqrt(modulus);
  if (a * a < modulus) a += 1n;
  // a² − n grows by 2a + 1 from one round to the next; its residue modulo the filters follows in plain
  // numbers, so the big square and root are computed only for the few candidates every filter lets through.
  const product = BigInt(filterProduct);
  let residue = Number((a * a - modulus) % product);
  let aResidue = Number(a % product);
  for (let i = 0; i < rounds; i++, a += 1n) {
    if (passesFilters(residue) && isSquare(a * a - modulus)) return true;
    residue = (residue + 2 * aResidue + 1) % filterProduct;
    aResidue = (aResidue + 1) % filterProduct;
  }
  return false;
}

// The ROCA fingerprint (CVE-2017-15361): moduli from the affected Infineon library are, for each of these
// primes, a power of 65537 modulo the prime.
const rocaPrimes = [
  3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107,
  109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167,
];
const rocaSubgroups = rocaPrimes.map((p) => {
  const powers = new Set<number>();
  for (let x = 1; !powers.has(x); x = (x * (65537 % p)) % p) powers.add(x);
  return { p: BigInt(p), powers };
});

/** Whether the modulus carries the ROCA fingerprint. */
export function rocaFingerprint(modulus: bigint): boolean {
  return rocaSubgroups.every(({ p, powers }) => powers.has(Number(modulus % p)));
}
