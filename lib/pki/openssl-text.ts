import type { CertificateView } from './certificate';
import type { CsrView } from './csr';

// Test support: the facts `openssl x509|req -noout -text` must print for a decoded view, as exact substrings.

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan 23 00:00:00 2024 GMT", "Mar  2 10:38:23 2029 GMT" */
export function opensslDate(iso: string): string {
  const d = new Date(iso);
  const time = d.toISOString().slice(11, 19);
  return `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()} GMT`;
}

function serialText(view: CertificateView): string {
  if (view.serialHex.length <= 16 && !view.serialDecimal.startsWith('-')) {
    return `Serial Number: ${view.serialDecimal} (0x${view.serialHex.replace(/^0+(?=.)/, '')})`;
  }
  return (view.serialHex.match(/../g) ?? []).join(':');
}

function keyFacts(publicKey: CertificateView['publicKey']): string[] {
  const facts = [`Public-Key: (${publicKey.size} bit)`];
  if (publicKey.exponent !== null)
    facts.push(`Exponent: ${publicKey.exponent} (0x${publicKey.exponent.toString(16)})`);
  if (publicKey.curve) facts.push(`NIST CURVE: ${publicKey.curve}`);
  return facts;
}

/** OpenSSL spells IPv6 in full upper-case groups where we print RFC 5952's compact form. */
function extensionFacts(extensions: CertificateView['extensions']): string[] {
  return extensions.flatMap((extension) => {
    const header = `${extension.name}:${extension.critical ? ' critical' : ''}`;
    if (extension.name === extension.oid) return [header];
    const lines = extension.lines.map((line) =>
      line.replace(/IP Address:([0-9a-f:]*::[0-9a-f:]*)/g, (_, ip: string) => `IP Address:${expandIpv6(ip)}`),
    );
    return [header, ...lines.map((line) => line.trim())];
  });
}

function expandIpv6(ip: string): string {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => g.replace(/^0+(?=.)/, '').toUpperCase()).join(':');
}

export function certificateFacts(view: CertificateView): string[] {
  return [
    `Version: ${view.version} (0x${view.version - 1})`,
    serialText(view),
    `Signature Algorithm: ${view.signatureAlgorithm.name}`,
    `Issuer: ${view.issuer.text}`,
    `Subject: ${view.subject.text}`,
    `Not Before: ${opensslDate(view.notBefore)}`,
    `Not After : ${opensslDate(view.notAfter)}`,
    ...keyFacts(view.publicKey),
    ...extensionFacts(view.extensions),
  ];
}

export function csrFacts(view: CsrView): string[] {
  return [
    `Subject: ${view.subject.text}`,
    `Signature Algorithm: ${view.signatureAlgorithm.name}`,
    ...keyFacts(view.publicKey),
    ...(view.challengePassword ? ['challengePassword'] : []),
    ...extensionFacts(view.extensions),
  ];
}
