// Reading one DER tag-length header, for the structural scan and for slicing scanned DER without parsing it.

export interface Header {
  tag: number;
  constructed: boolean;
  universal: boolean;
  contentStart: number;
  end: number;
}

const hexByte = (b: number) => b.toString(16).padStart(2, '0');

/** The header at `start` within `limit`, or why it is not a DER header. */
export function readHeader(bytes: Uint8Array, start: number, limit: number): Header | string {
  let pos = start;
  const first = bytes[pos++];
  if (first === undefined) return 'a tag is missing';
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (let count = 0; ; count++) {
      const b = bytes[pos++];
      if (b === undefined || pos > limit) return 'a tag is truncated';
      if (count === 0 && b === 0x80) return 'a tag number is not minimally encoded';
      if (count === 3) return 'a tag number is too large';
      tag = tag * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
    if (tag < 0x1f) return 'a tag number is not minimally encoded';
  }
  if (first === 0 && bytes[pos] === 0) return 'an end-of-contents marker (BER) is not DER';
  const lengthByte = bytes[pos++];
  if (lengthByte === undefined || pos > limit) return 'a length is missing';
  let length = lengthByte;
  if (lengthByte === 0x80) return 'an indefinite length (BER, 30 80) is not DER';
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) return `a length of ${count} octets is larger than any input`;
    if (bytes[pos] === 0) return 'a length has leading zero octets (not minimal DER)';
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[pos++];
      if (b === undefined || pos > limit) return 'a length is truncated';
      length = length * 256 + b;
    }
    if (length < 0x80) return `the length ${length} uses the long form (not minimal DER)`;
  }
  const end = pos + length;
  if (end > limit) {
    const bytesLeft = limit - pos;
    return `a value declares ${length} bytes but only ${bytesLeft} remain (${[...bytes.subarray(start, pos)].map(hexByte).join(' ')})`;
  }
  return { tag, constructed: (first & 0x20) !== 0, universal: (first & 0xc0) === 0, contentStart: pos, end };
}

/** The first element inside a scanned DER SEQUENCE (a certificate's or request's signed part), exactly as encoded. */
export function firstChild(der: Uint8Array): Uint8Array {
  const outer = readHeader(der, 0, der.length);
  if (typeof outer === 'string' || !outer.constructed) throw new Error('expected a SEQUENCE');
  const inner = readHeader(der, outer.contentStart, outer.end);
  if (typeof inner === 'string') throw new Error(inner);
  return der.subarray(outer.contentStart, inner.end);
}

/** The elements inside a scanned DER SEQUENCE, each exactly as encoded. */
export function childSpans(der: Uint8Array): Uint8Array[] {
  const outer = readHeader(der, 0, der.length);
  if (typeof outer === 'string' || !outer.constructed) throw new Error('expected a SEQUENCE');
  const spans: Uint8Array[] = [];
  for (let pos = outer.contentStart; pos < outer.end;) {
    const inner = readHeader(der, pos, outer.end);
    if (typeof inner === 'string') throw new Error(inner);
    spans.push(der.subarray(pos, inner.end));
    pos = inner.end;
  }
  return spans;
}
