// A structural pass over DER before any parser sees it: the ASN.1 decoder recurses per nesting level and
// trusts declared lengths, so depth, node count and every length are checked here first, iteratively.

import { readHeader, type Header } from './der-header';

export const maxDerDepth = 32;
export const maxDerNodes = 2000;

export type DerScan = { ok: true; nodes: number; depth: number } | { ok: false; error: string };

interface Frame {
  end: number;
  /** Inside an OCTET or BIT STRING that happens to hold DER: a format error there only makes it opaque. */
  soft: boolean;
}

/**
 * Checks that `bytes` is exactly one DER value within the limits: definite minimal lengths that fit their
 * parent, depth ≤ 32 and ≤ 2 000 nodes (counting DER held in OCTET and BIT STRINGs, which the ASN.1 library
 * parses speculatively), primitive strings and times, minimal INTEGERs and OIDs, no reserved tag 0.
 * Iterative, never throws; the error says what is wrong and where.
 */
export function scanDer(bytes: Uint8Array): DerScan {
  const frames: Frame[] = [];
  let pos = 0;
  let nodes = 0;
  let depth = 0;
  while (pos < bytes.length || frames.length > 0) {
    const top = frames[frames.length - 1];
    if (top && pos === top.end) {
      frames.pop();
      continue;
    }
    if (!top && nodes > 0) {
      return { ok: false, error: `${bytes.length - pos} bytes of trailing data follow the DER value` };
    }
    const header = readHeader(bytes, pos, top?.end ?? bytes.length);
    const problem = typeof header === 'string' ? header : contentProblem(bytes, header);
    if (problem !== null || typeof header === 'string') {
      const softIndex = frames.findIndex((frame) => frame.soft);
      if (softIndex === -1) return { ok: false, error: `${problem} at offset ${pos}` };
      pos = frames[softIndex]?.end ?? pos;
      frames.length = softIndex;
      continue;
    }
    if (++nodes > maxDerNodes) return { ok: false, error: `more than ${maxDerNodes} ASN.1 nodes` };
    const inner = header.constructed ? header.contentStart : encapsulated(bytes, header);
    if (inner === null) {
      pos = header.end;
      continue;
    }
    frames.push({ end: header.end, soft: !header.constructed || (top?.soft ?? false) });
    depth = Math.max(depth, frames.length);
    if (frames.length > maxDerDepth) return { ok: false, error: `ASN.1 nesting deeper than ${maxDerDepth}` };
    pos = inner;
  }
  if (nodes === 0) return { ok: false, error: 'no DER value' };
  return { ok: true, nodes, depth };
}

/** Where DER held in a primitive OCTET or BIT STRING starts, when its first header spans the contents. */
function encapsulated(bytes: Uint8Array, h: Header): number | null {
  if (!h.universal || (h.tag !== 3 && h.tag !== 4)) return null;
  const start = h.tag === 3 ? h.contentStart + 1 : h.contentStart;
  if (start >= h.end || (h.tag === 3 && bytes[h.contentStart] !== 0)) return null;
  const header = readHeader(bytes, start, h.end);
  return typeof header !== 'string' && header.end === h.end ? start : null;
}

// Strings and times: DER encodes them primitive.
const stringTags = new Set([3, 4, 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30]);

function contentProblem(bytes: Uint8Array, h: Header): string | null {
  if (!h.universal) return null;
  if (h.tag === 0) return 'a value uses the reserved universal tag 0';
  if (h.constructed && stringTags.has(h.tag)) return 'a constructed string (BER) is not DER';
  if (!h.constructed && (h.tag === 16 || h.tag === 17)) return 'a SEQUENCE or SET is encoded as primitive';
  const content = bytes.subarray(h.contentStart, h.end);
  if (h.tag === 1 && (content.length !== 1 || (content[0] !== 0 && content[0] !== 0xff))) {
    return 'a BOOLEAN is not one octet 00 or FF';
  }
  if (h.tag === 2) return integerProblem(content);
  if (h.tag === 6) return oidProblem(content);
  return null;
}

function integerProblem(content: Uint8Array): string | null {
  if (content.length === 0) return 'an INTEGER is empty';
  const [a = 0, b = 0] = content;
  if (content.length > 1 && ((a === 0 && b < 0x80) || (a === 0xff && b >= 0x80))) {
    return 'an INTEGER has illegal padding (not minimal DER)';
  }
  return null;
}

function oidProblem(content: Uint8Array): string | null {
  if (content.length === 0) return 'an OBJECT IDENTIFIER is empty';
  if ((content[content.length - 1] ?? 0) & 0x80) return 'an OBJECT IDENTIFIER ends inside an arc';
  let fresh = true;
  for (const b of content) {
    if (fresh && b === 0x80) return 'an OBJECT IDENTIFIER arc is not minimally encoded';
    fresh = (b & 0x80) === 0;
  }
  return null;
}
