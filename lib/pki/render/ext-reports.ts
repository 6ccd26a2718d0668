import type { DistributionPointView, ExtensionValue, PolicyQualifierView, SctView } from '../ext/types';
import type { GeneralNameView } from '../general-names';
import { onelineName } from '../name-text';
import { oidText } from '../oid-names';
import { encodeText } from '../strings';
import { generalNamePrint } from './general-name';
import { cString, hexBytes, hexString, opensslIp, opensslTime, pad } from './text';

// Extensions OpenSSL prints with their own report function (i2r), reproduced with their line-break quirks.

export function extensionReport(v: ExtensionValue, indent: number): string | null {
  switch (v.kind) {
    case 'certificatePolicies':
      return v.policies
        .map(
          (p) =>
            `${pad(indent)}Policy: ${p.name}${p.qualifiers ? `\n${qualifiers(p.qualifiers, indent + 2)}` : ''}`,
        )
        .join('\n');
    case 'crlDistributionPoints':
    case 'freshestCrl':
      return v.points.map((point) => distributionPoint(point, indent)).join('\n');
    case 'nameConstraints': {
      const both = v.permitted && v.excluded ? '\n' : '';
      return subtrees(v.permitted, 'Permitted', indent) + both + subtrees(v.excluded, 'Excluded', indent);
    }
    case 'privateKeyUsagePeriod': {
      const before = v.notBefore ? `Not Before: ${opensslTime(v.notBefore)}${v.notAfter ? ', ' : ''}` : '';
      return `${pad(indent)}${before}${v.notAfter ? `Not After: ${opensslTime(v.notAfter)}` : ''}`;
    }
    case 'signedCertificateTimestamps':
      return v.timestamps.some((t) => 'logId' in t && t.signatureName === null)
        ? null
        : v.timestamps.map((t) => sct(t, indent)).join('\n');
    default:
      return null;
  }
}

const display = (text: { tag: number; text: string }) => cString(encodeText(text));

function qualifiers(list: PolicyQualifierView[], indent: number): string {
  return list
    .map((q) => {
      if (q.type === 'cps') return `${pad(indent)}CPS: ${display(q.uri)}`;
      if (q.type === 'other') return `${pad(indent + 2)}Unknown Qualifier: ${oidText(q.oid)}`;
      let out = `${pad(indent)}User Notice:\n`;
      if (q.organization) {
        out += `${pad(indent + 2)}Organization: ${display(q.organization)}\n`;
        out += `${pad(indent + 2)}Number${q.numbers.length > 1 ? 's' : ''}: ${q.numbers.join(', ')}`;
        if (q.explicitText) out += '\n';
      }
      if (q.explicitText) out += `${pad(indent + 2)}Explicit Text: ${display(q.explicitText)}`;
      return out;
    })
    .join('\n');
}

function names(list: GeneralNameView[], indent: number): string {
  return list.map((n) => `${pad(indent + 2)}${generalNamePrint(n)}`).join('\n');
}

function distributionPoint(point: DistributionPointView, indent: number): string {
  let out = '';
  if (point.fullName) out += `${pad(indent)}Full Name:\n${names(point.fullName, indent)}`;
  if (point.relativeName) {
    out += `${pad(indent)}Relative Name:\n${pad(indent + 2)}${onelineName(point.relativeName, true)}\n`;
  }
  if (point.reasons) {
    out += `${pad(indent)}Reasons:\n${pad(indent + 2)}${point.reasons.length ? point.reasons.join(', ') : '<EMPTY>'}\n`;
  }
  if (point.crlIssuer) out += `${pad(indent)}CRL Issuer:\n${names(point.crlIssuer, indent)}`;
  return out;
}

function subtrees(list: GeneralNameView[] | null, title: string, indent: number): string {
  if (!list || list.length === 0) return '';
  const base = (n: GeneralNameView) => (n.type === 'ip' ? ncAddress(hexBytes(n.hex)) : generalNamePrint(n));
  return `${pad(indent)}${title}:\n${list.map((n) => `${pad(indent + 2)}${base(n)}`).join('\n')}`;
}

/** print_nc_ipadd: address and mask, each printed on its own. */
function ncAddress(bytes: Uint8Array): string {
  const first = bytes.length >= 16 ? 16 : bytes.length >= 4 ? 4 : bytes.length;
  return `IP:${opensslIp(bytes.subarray(0, first))}/${opensslIp(bytes.subarray(first))}`;
}

function sct(t: SctView, indent: number): string {
  const head = `${pad(indent)}Signed Certificate Timestamp:\n${pad(indent + 4)}Version   : `;
  if (!('logId' in t)) return `${head}unknown\n${pad(indent + 16)}${hexString(t.raw, indent + 16, 16)}`;
  const line = (label: string, text: string) => `\n${pad(indent + 4)}${label}: ${text}`;
  return (
    `${head}v1 (0x0)` +
    line('Log ID    ', hexString(t.logId, indent + 16, 16)) +
    line('Timestamp ', opensslTime(t.timestamp, 'always')) +
    line('Extensions', t.extensions ? hexString(t.extensions, indent + 16, 16) : 'none') +
    line('Signature ', t.signatureName ?? '') +
    `\n${pad(indent + 16)}${hexString(t.signature, indent + 16, 16)}`
  );
}
