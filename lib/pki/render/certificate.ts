import type { CertificateView } from '../certificate';
import { onelineName } from '../name-text';
import { oidText } from '../oid-names';
import { extensionsText } from './extensions';
import { publicKeyText } from './public-key';
import { signatureText } from './signature';
import { opensslTime, pad, signatureDump } from './text';

// X509_print_ex with the flags `openssl x509 -noout -text` uses.

export function certificateText(view: CertificateView): string {
  return (
    'Certificate:\n    Data:\n' +
    versionLine(view.version) +
    `        Serial Number:${serialText(view.serialDecimal)}\n` +
    `    ${signatureText(view.tbsSignatureAlgorithm, null)}` +
    `        Issuer: ${onelineName(view.issuer.attributes, true)}\n` +
    '        Validity\n' +
    `            Not Before: ${opensslTime(view.notBefore)}\n` +
    `            Not After : ${opensslTime(view.notAfter)}\n` +
    `        Subject: ${onelineName(view.subject.attributes, true)}\n` +
    publicKeyInfo(view.publicKey) +
    uniqueId('Issuer', view.issuerUniqueId) +
    uniqueId('Subject', view.subjectUniqueId) +
    extensionsText(view.extensions, 'X509v3 extensions', 8) +
    signatureText(view.signatureAlgorithm, view.signatureValue)
  );
}

function versionLine(version: number): string {
  const raw = version - 1;
  return raw >= 0 && raw <= 2
    ? `        Version: ${version} (0x${raw.toString(16)})\n`
    : `        Version: Unknown (${raw})\n`;
}

/** ossl_serial_number_print: decimal and hex when it fits 64 signed bits, else the octets. */
function serialText(decimal: string): string {
  const value = BigInt(decimal);
  const magnitude = value < 0n ? -value : value;
  const fits = value < 0n ? magnitude <= 1n << 63n : magnitude < 1n << 63n;
  const sign = value < 0n ? '-' : '';
  if (fits) return ` ${sign}${magnitude} (${sign}0x${magnitude.toString(16)})`;
  const hex = magnitude.toString(16);
  const octets = (hex.length % 2 ? `0${hex}` : hex).match(/../g) ?? [];
  return `\n${pad(12)}${value < 0n ? ' (Negative)' : ''}${octets.join(':')}`;
}

export function publicKeyInfo(key: CertificateView['publicKey']): string {
  const body = publicKeyText(key) ?? `${pad(12)}Unable to load Public Key\n`;
  return `        Subject Public Key Info:\n            Public Key Algorithm: ${oidText(key.oid)}\n${body}`;
}

function uniqueId(which: 'Issuer' | 'Subject', hex: string | null): string {
  return hex === null ? '' : `        ${which} Unique ID: ${signatureDump(hex, 12)}`;
}
