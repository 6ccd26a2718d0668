// IP addresses as RFC 5952 text for people; OpenSSL's own spellings live in the renderer.

/** IPv4 dotted, IPv6 compressed lower-case, address/prefix for name-constraint ranges, else a length note. */
export function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length === 16) return ipv6Text(bytes);
  if (bytes.length === 8 || bytes.length === 32) {
    const half = bytes.length / 2;
    const prefix = prefixLength(bytes.subarray(half));
    const address = ipText(bytes.subarray(0, half));
    return prefix === null ? `${address}/${ipText(bytes.subarray(half))}` : `${address}/${prefix}`;
  }
  return `<invalid length=${bytes.length}>`;
}

function ipv6Text(bytes: Uint8Array): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.length < 2) return hex.join(':');
  const head = hex.slice(0, best.start).join(':');
  const tail = hex.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

/** The prefix length of a contiguous netmask, or null when the mask has holes. */
function prefixLength(mask: Uint8Array): number | null {
  let bits = 0;
  let ended = false;
  for (const b of mask) {
    for (let i = 7; i >= 0; i--) {
      const set = ((b >> i) & 1) === 1;
      if (set && ended) return null;
      if (set) bits++;
      else ended = true;
    }
  }
  return bits;
}
