import { toColonHex, toHex } from './bytes';
import {
  extensionParsers,
  type ExtensionFacts,
  type ExtensionParser,
  type ExtensionValue,
} from './extension-parsers';
import { opensslLongName } from './oid-names';
import type { Extension } from './x509';

export type { ExtensionValue } from './extension-parsers';

export interface ExtensionView {
  oid: string;
  /** OpenSSL's name ("X509v3 Key Usage"); ours for extensions OpenSSL cannot name; else the OID. */
  name: string;
  critical: boolean;
  /** Human-readable, OpenSSL-like; an unknown or unreadable extension is one line of hex. */
  lines: string[];
  /** The decoded value by kind; `{ kind: 'unknown' }` when there is no parser or it did not parse. */
  value: ExtensionValue;
  /** extnValue's contents, lower-case hex. */
  hex: string;
  /** Why a known extension could not be parsed; null otherwise. */
  error: string | null;
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
    const { oid } = extension;
    const parser = extensionParsers[oid];
    const name = opensslLongName(oid) ?? parser?.name ?? oid;
    if (seen.has(oid)) decoded.warnings.push(`${name} appears more than once (RFC 5280 forbids it)`);
    seen.add(oid);
    const bytes = extension.value;
    let parsed: ReturnType<ExtensionParser['parse']> | null = null;
    let error: string | null = null;
    if (parser) {
      try {
        parsed = parser.parse(bytes);
        Object.assign(decoded, parsed.facts);
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
        decoded.warnings.push(`${name} could not be parsed; its raw bytes are shown`);
      }
    }
    decoded.views.push({
      oid,
      name,
      critical: extension.critical,
      lines: parsed ? parsed.lines : [toColonHex(bytes)],
      value: parsed ? parsed.value : { kind: 'unknown' },
      hex: toHex(bytes),
      error,
    });
  }
  return decoded;
}
