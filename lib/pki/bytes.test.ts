import { describe, expect, it } from 'vitest';
import { toColonHex, toHex } from './bytes';
import { latin1 } from './strings';

const every = Uint8Array.from({ length: 256 }, (_, b) => b);

describe('toHex', () => {
  it('writes every octet as two lower-case digits, short and long inputs alike', () => {
    for (const length of [0, 1, 32, 33, 256, 16 * 1024 + 7]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + 7) & 0xff);
      expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
    }
    expect(toHex(every)).toBe(Buffer.from(every).toString('hex'));
  });

  it('reads a view at its own offset and an ArrayBuffer whole', () => {
    expect(toHex(every.subarray(250, 256))).toBe('fafbfcfdfeff');
    expect(toHex(every.subarray(16, 64))).toBe(Buffer.from(every.subarray(16, 64)).toString('hex'));
    expect(toHex(every.slice(0, 40).buffer)).toBe(Buffer.from(every.subarray(0, 40)).toString('hex'));
  });

  it('agrees with the colon form', () => {
    expect(toColonHex(every).replace(/:/g, '').toLowerCase()).toBe(toHex(every));
  });
});

describe('latin1', () => {
  it('maps each octet to the character of that code, across the chunk boundary', () => {
    const bytes = Uint8Array.from({ length: 0x2000 * 2 + 3 }, (_, i) => i & 0xff);
    expect(latin1(bytes)).toBe(Buffer.from(bytes).toString('latin1'));
    expect(latin1(new Uint8Array(0))).toBe('');
  });
});
