import { isUniversal, parseAsn } from '../asn';
import { toColonHex } from '../bytes';
import type { ExtensionParser, SctView } from './types';

// Certificate Transparency (RFC 6962 §3.3): the SCT list is a TLS-encoded structure inside an OCTET STRING.

const signatureNames: Record<string, string> = {
  '4/3': 'ecdsa-with-SHA256',
  '4/1': 'sha256WithRSAEncryption',
};

class TlsReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  take(length: number): Uint8Array {
    if (length > this.remaining) throw new Error('the SCT list is truncated');
    this.pos += length;
    return this.bytes.subarray(this.pos - length, this.pos);
  }
  number(octets: number): number {
    return [...this.take(octets)].reduce((n, b) => n * 256 + b, 0);
  }
}

function sct(bytes: Uint8Array): SctView {
  const reader = new TlsReader(bytes);
  const version = reader.number(1);
  if (version !== 0) return { version, raw: toColonHex(bytes) };
  const logId = toColonHex(reader.take(32));
  const timestampMs = reader.number(8);
  const extensions = toColonHex(reader.take(reader.number(2)));
  const hashAlgorithm = reader.number(1);
  const signatureAlgorithm = reader.number(1);
  const signature = toColonHex(reader.take(reader.number(2)));
  if (signature === '') throw new Error('an SCT has an empty signature');
  return {
    version,
    logId,
    timestamp: new Date(timestampMs).toISOString(),
    timestampMs,
    extensions,
    hashAlgorithm,
    signatureAlgorithm,
    signatureName: signatureNames[`${hashAlgorithm}/${signatureAlgorithm}`] ?? null,
    signature,
  };
}

export const signedCertificateTimestamps: ExtensionParser = {
  name: 'CT Precertificate SCTs',
  parse: (value) => {
    const node = parseAsn(value);
    if (!isUniversal(node, 4)) throw new Error('expected an OCTET STRING');
    const list = new TlsReader(node.content);
    if (list.number(2) !== list.remaining) throw new Error('the SCT list length does not match');
    const timestamps: SctView[] = [];
    while (list.remaining > 0) {
      const length = list.number(2);
      if (length === 0) throw new Error('an SCT is empty');
      timestamps.push(sct(list.take(length)));
    }
    const lines = timestamps.flatMap((t) =>
      'raw' in t
        ? [`Signed Certificate Timestamp: version ${t.version}`, `  ${t.raw}`]
        : [
            'Signed Certificate Timestamp:',
            `  Log ID: ${t.logId}`,
            `  Timestamp: ${t.timestamp}`,
            `  Extensions: ${t.extensions || 'none'}`,
            `  Signature: ${t.signatureName ?? `${t.hashAlgorithm}/${t.signatureAlgorithm}`} ${t.signature}`,
          ],
    );
    return { value: { kind: 'signedCertificateTimestamps', timestamps }, lines };
  },
};

export const ctPoison: ExtensionParser = {
  name: 'CT Precertificate Poison',
  parse: (value) => {
    const node = parseAsn(value);
    if (!isUniversal(node, 5) || node.content.length > 0) throw new Error('expected NULL');
    return { value: { kind: 'ctPoison' }, lines: ['NULL'] };
  },
};
