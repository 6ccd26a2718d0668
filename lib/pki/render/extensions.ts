import type { ExtensionView } from '../extensions';
import { oidText } from '../oid-names';
import { extensionReport } from './ext-reports';
import { extensionString, extensionValues, valuesPrint } from './ext-values';
import { hexBytes, pad, stringPrint } from './text';

// X509V3_extensions_print and X509V3_EXT_print: a header per extension, then OpenSSL's rendering of the
// value, or the raw octets when OpenSSL has no printer for the OID or cannot decode the value.

/** OIDs OpenSSL 3.0 has a printing method for (the others are dumped). */
const opensslMethods = new Set([
  '2.5.29.19',
  '2.5.29.15',
  '2.5.29.37',
  '2.5.29.17',
  '2.5.29.18',
  '2.5.29.14',
  '2.5.29.35',
  '2.5.29.32',
  '2.5.29.31',
  '2.5.29.46',
  '1.3.6.1.5.5.7.1.1',
  '1.3.6.1.5.5.7.1.11',
  '2.5.29.36',
  '2.5.29.33',
  '2.5.29.30',
  '2.5.29.54',
  '1.3.6.1.4.1.11129.2.4.2',
  '1.3.6.1.4.1.11129.2.4.5',
  '1.3.6.1.4.1.11129.2.4.3',
  '1.3.6.1.5.5.7.1.24',
  '2.5.29.16',
  '2.16.840.1.113730.1.1',
  '2.16.840.1.113730.1.2',
  '2.16.840.1.113730.1.3',
  '2.16.840.1.113730.1.4',
  '2.16.840.1.113730.1.7',
  '2.16.840.1.113730.1.8',
  '2.16.840.1.113730.1.12',
  '2.16.840.1.113730.1.13',
]);

/** The value as X509V3_EXT_print writes it at `indent`, or null when OpenSSL would fall back to the octets. */
export function extensionPrint(extension: ExtensionView, indent: number): string | null {
  if (!opensslMethods.has(extension.oid) || extension.value.kind === 'unknown') return null;
  const text = extensionString(extension.value);
  if (text !== null) return `${pad(indent)}${text}`;
  const values = extensionValues(extension.value);
  if (values) return valuesPrint(values.values, indent, values.multiline);
  return extensionReport(extension.value, indent);
}

/** One extension: header line, value, final newline. */
export function extensionText(extension: ExtensionView, indent: number): string {
  const header = `${pad(indent)}${oidText(extension.oid)}: ${extension.critical ? 'critical' : ''}\n`;
  const body =
    extensionPrint(extension, indent + 4) ?? `${pad(indent + 4)}${stringPrint(hexBytes(extension.hex))}`;
  return `${header}${body}\n`;
}

/** X509V3_extensions_print: nothing for no extensions, else the title and each extension. */
export function extensionsText(extensions: readonly ExtensionView[], title: string, indent: number): string {
  if (extensions.length === 0) return '';
  return `${pad(indent)}${title}:\n${extensions.map((e) => extensionText(e, indent + 4)).join('')}`;
}
