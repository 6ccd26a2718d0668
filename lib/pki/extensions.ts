import type { Extension } from '@peculiar/asn1-x509';
import { toColonHex } from './bytes';
import { extensionParsers, type ExtensionFacts } from './extension-parsers';
import { extensionNames } from './oids';

export interface ExtensionView {
  oid: string;
  /** OpenSSL's name ("X509v3 Key Usage"), or the OID when unknown. */
  name: string;
  critical: boolean;
  /** Human-readable, OpenSSL-like; an unknown or unreadable extension is one line of hex. */
  lines: string[];
}

export interface DecodedExtensions extends ExtensionFacts {
  views: ExtensionView[];
  warnings: string[];
}

/** Decodes a list of extensions; an extension that does not parse degrades to hex with a warning. */
export function decodeExtensions(extensions: readonly Extension[]): DecodedExtensions {
  const decoded: DecodedExtensions = {
    views: [],
    warnings: [],
    keyUsage: null,
    extendedKeyUsage: null,
    basicConstraints: null,
    sans: [],
    subjectKeyId: null,
    authorityKeyId: null,
  };
  const seen = new Set<string>();
  for (const extension of extensions) {
    const oid = extension.extnID;
    const name = extensionNames[oid] ?? oid;
    if (seen.has(oid)) decoded.warnings.push(`${name} appears more than once (RFC 5280 forbids it)`);
    seen.add(oid);
    const value = extension.extnValue.buffer;
    const parser = extensionParsers[oid];
    let lines = [toColonHex(value)];
    if (parser) {
      try {
        const parsed = parser(value);
        lines = parsed.lines;
        Object.assign(decoded, parsed.facts);
      } catch {
        decoded.warnings.push(`${name} could not be parsed; its raw bytes are shown`);
      }
    }
    decoded.views.push({ oid, name, critical: extension.critical, lines });
  }
  return decoded;
}
