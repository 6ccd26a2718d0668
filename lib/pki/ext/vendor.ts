import { childrenOf, integerOf, isUniversal, oidOf, parseAsn, textOf } from '../asn';
import type { ExtensionParser } from './types';

// Netscape and Microsoft extensions still found in the field.

export function ia5StringParser(name: string): ExtensionParser {
  return {
    name,
    parse: (value) => {
      const node = parseAsn(value);
      if (!isUniversal(node, 22)) throw new Error('expected an IA5String');
      const text = textOf(node);
      return { value: { kind: 'ia5String', text }, lines: [text.text] };
    },
  };
}

/** szOID_ENROLL_CERTTYPE_EXTENSION: the template's name, a BMPString. */
export const msTemplateName: ExtensionParser = {
  name: 'Microsoft Certificate Template Name',
  parse: (value) => {
    const node = parseAsn(value);
    if (node.cls !== 1 || node.constructed || ![12, 22, 30].includes(node.tag)) {
      throw new Error('expected a string');
    }
    const name = textOf(node);
    return { value: { kind: 'msTemplateName', name }, lines: [name.text] };
  },
};

/** szOID_CERTIFICATE_TEMPLATE: SEQUENCE { templateID OID, major INTEGER, minor INTEGER OPTIONAL }. */
export const msTemplate: ExtensionParser = {
  name: 'Microsoft Certificate Template',
  parse: (value) => {
    const [id, major, minor, ...rest] = childrenOf(parseAsn(value));
    if (!major || rest.length > 0) throw new Error('malformed certificate template');
    const templateId = oidOf(id);
    const majorVersion = integerOf(major).toString();
    const minorVersion = minor ? integerOf(minor).toString() : null;
    const version = `${majorVersion}${minorVersion !== null ? `.${minorVersion}` : ''}`;
    return {
      value: { kind: 'msTemplate', templateId, majorVersion, minorVersion },
      lines: [`Template: ${templateId}`, `Version: ${version}`],
    };
  },
};

/** szOID_CERTSRV_CA_VERSION: certificate index in the low 16 bits, key index in the high 16. */
export const msCaVersion: ExtensionParser = {
  name: 'Microsoft CA Version',
  parse: (value) => {
    const node = parseAsn(value);
    if (!isUniversal(node, 2)) throw new Error('expected an INTEGER');
    const version = Number(integerOf(node) & 0xffffffffn);
    const certIndex = version & 0xffff;
    const keyIndex = version >>> 16;
    return { value: { kind: 'msCaVersion', certIndex, keyIndex }, lines: [`V${certIndex}.${keyIndex}`] };
  },
};
