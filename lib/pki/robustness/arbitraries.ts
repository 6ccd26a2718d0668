import fc from 'fast-check';
import { derToPem } from '../pem';

// Inputs for the property tests and the benchmark: real CSRs and certificates mutated every way a hostile
// or broken client could, plus random bytes and pathological nesting.

export interface Seed {
  der: Uint8Array;
  label: 'CERTIFICATE' | 'CERTIFICATE REQUEST';
}

const flipBit = (seed: Seed) =>
  fc.tuple(fc.nat(seed.der.length - 1), fc.nat(7)).map(([at, bit]) => {
    const der = seed.der.slice();
    der[at] = (der[at] ?? 0) ^ (1 << bit);
    return der;
  });

const setByte = (seed: Seed) =>
  fc
    .tuple(fc.nat(seed.der.length - 1), fc.constantFrom(0x00, 0x30, 0x80, 0x81, 0x84, 0xff))
    .map(([at, value]) => {
      const der = seed.der.slice();
      der[at] = value;
      return der;
    });

const truncate = (seed: Seed) => fc.nat(seed.der.length - 1).map((length) => seed.der.slice(0, length));

const splice = (seed: Seed) =>
  fc
    .tuple(fc.nat(seed.der.length - 1), fc.nat(16), fc.uint8Array({ maxLength: 16 }))
    .map(([at, remove, insert]) =>
      Uint8Array.from([...seed.der.slice(0, at), ...insert, ...seed.der.slice(at + remove)]),
    );

/** A length octet somewhere replaced by a huge long-form length (the "84 FF FF FF FF" attack). */
const hugeLength = (seed: Seed) =>
  fc
    .nat(seed.der.length - 2)
    .map((at) =>
      Uint8Array.from([
        ...seed.der.slice(0, at + 1),
        0x84,
        0xff,
        0xff,
        0xff,
        0xff,
        ...seed.der.slice(at + 2),
      ]),
    );

const pemText = (seed: Seed) =>
  fc
    .tuple(fc.nat(200), fc.constantFrom('', '\r', ' ', '-', '=', '*', '\u0000', 'A'), fc.boolean())
    .map(([at, char, relabel]) => {
      const pem = derToPem(seed.der, relabel ? 'PRIVATE KEY' : seed.label);
      const position = Math.min(at + 28, pem.length);
      return pem.slice(0, position) + char + pem.slice(position + (char === '' ? 1 : 0));
    });

/** SEQUENCE / context [0] nesting, definite or indefinite, as deep as the size limit allows. */
export const nested = fc
  .tuple(fc.integer({ min: 1, max: 6000 }), fc.constantFrom(0x30, 0xa0, 0x31), fc.boolean())
  .map(([depth, tag, indefinite]) => {
    const open = indefinite ? [tag, 0x80] : [tag, 0x81];
    const bytes: number[] = [];
    for (let i = 0; i < depth; i++) bytes.push(...open);
    return Uint8Array.from(bytes);
  });

const randomBytes = fc
  .uint8Array({ maxLength: 1024 })
  .map((bytes) => (bytes.length > 0 ? Uint8Array.from([0x30, ...bytes]) : bytes));

export function hostileInput(seeds: Seed[]): fc.Arbitrary<Uint8Array | string> {
  const perSeed = seeds.flatMap((seed) => [
    flipBit(seed),
    setByte(seed),
    truncate(seed),
    splice(seed),
    hugeLength(seed),
    pemText(seed),
  ]);
  return fc.oneof(...perSeed, nested, randomBytes);
}
