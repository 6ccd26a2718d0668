import type { CsrView } from '../csr';
import type { CsrAttributeView } from '../csr-attributes';
import { onelineName } from '../name-text';
import { oidText } from '../oid-names';
import { encodeText } from '../strings';
import { publicKeyInfo } from './certificate';
import { extensionText } from './extensions';
import { signatureText } from './signature';
import { pad } from './text';

// X509_REQ_print_ex with the flags `openssl req -noout -text` uses.

const extensionRequestOids = new Set(['1.2.840.113549.1.9.14', '1.3.6.1.4.1.311.2.1.14']);
const printableTags = new Set([19, 20, 18, 12, 22]);

export function csrText(view: CsrView): string {
  const raw = view.version - 1;
  return (
    'Certificate Request:\n    Data:\n' +
    (raw === 0 ? '        Version: 1 (0x0)\n' : `        Version: Unknown (${raw})\n`) +
    `        Subject: ${onelineName(view.subject.attributes, true)}\n` +
    publicKeyInfo(view.publicKey) +
    '        Attributes:\n' +
    attributesText(view.attributes) +
    requestedExtensions(view) +
    signatureText(view.signatureAlgorithm, view.signatureValue)
  );
}

function attributesText(attributes: CsrAttributeView[]): string {
  if (attributes.length === 0) return `${pad(12)}(none)\n`;
  return attributes
    .filter((a) => !extensionRequestOids.has(a.oid))
    .map((attribute) => {
      const name = oidText(attribute.oid);
      return attribute.values
        .map((value, i) => {
          const lead = i === 0 ? `${pad(12)}${name}${pad(25 - name.length)}` : pad(25);
          const text =
            printableTags.has(value.tag) && value.text !== null
              ? new TextDecoder().decode(encodeText({ tag: value.tag, text: value.text }))
              : 'unable to print attribute';
          return `${lead}:${text}\n`;
        })
        .join('');
    })
    .join('');
}

/** "Requested Extensions:" appears whenever OpenSSL can read the extension request, even when there is none. */
function requestedExtensions(view: CsrView): string {
  if (view.extensionRequest === 'unreadable') return '';
  return `${pad(12)}Requested Extensions:\n${view.extensions.map((e) => extensionText(e, 16)).join('')}`;
}
