import { childrenOf, isContext, isUniversal, parseAsn, taggedChildren, type AsnNode } from '../asn';
import { toColonHex } from '../bytes';
import {
  generalNameOf,
  generalNamesOf,
  generalNameText,
  sanView,
  type GeneralNameView,
} from '../general-names';
import type { ExtensionParser } from './types';

// Extensions made of general names and key identifiers.

export const subjectAltName: ExtensionParser = {
  name: 'X509v3 Subject Alternative Name',
  parse: (value) => {
    const names = generalNamesOf(value);
    return {
      value: { kind: 'subjectAltName', names },
      lines: [names.map(generalNameText).join(', ')],
      facts: { sans: names.map(sanView) },
    };
  },
};

export const issuerAltName: ExtensionParser = {
  name: 'X509v3 Issuer Alternative Name',
  parse: (value) => {
    const names = generalNamesOf(value);
    return { value: { kind: 'issuerAltName', names }, lines: [names.map(generalNameText).join(', ')] };
  },
};

export const subjectKeyIdentifier: ExtensionParser = {
  name: 'X509v3 Subject Key Identifier',
  parse: (value) => {
    const node = parseAsn(value);
    if (!isUniversal(node, 4)) throw new Error('expected an OCTET STRING');
    const keyId = toColonHex(node.content);
    return { value: { kind: 'subjectKeyIdentifier', keyId }, lines: [keyId], facts: { subjectKeyId: keyId } };
  },
};

export const authorityKeyIdentifier: ExtensionParser = {
  name: 'X509v3 Authority Key Identifier',
  parse: (value) => {
    let keyId: string | null = null;
    let issuer: GeneralNameView[] | null = null;
    let serial: string | null = null;
    let last = -1;
    for (const node of childrenOf(parseAsn(value))) {
      if (node.cls !== 3 || node.tag <= last || node.tag > 2) throw new Error('unexpected field in AKI');
      last = node.tag;
      if (node.tag === 0) keyId = toColonHex(primitive(node));
      if (node.tag === 1) issuer = taggedChildren(node).map(generalNameOf);
      if (node.tag === 2) serial = toColonHex(magnitude(primitive(node)));
    }
    const lines = [
      ...(keyId !== null ? [keyId] : []),
      ...(issuer ?? []).map(generalNameText),
      ...(serial !== null ? [`serial:${serial}`] : []),
    ];
    return {
      value: { kind: 'authorityKeyIdentifier', keyId, issuer, serial },
      lines,
      facts: { authorityKeyId: keyId },
    };
  },
};

function primitive(node: AsnNode): Uint8Array {
  if (node.constructed) throw new Error('expected a primitive value');
  return node.content;
}

/** An INTEGER's magnitude octets, as OpenSSL keeps them (no sign padding). */
export function magnitude(content: Uint8Array): Uint8Array {
  if (content.length === 0) throw new Error('empty INTEGER');
  if ((content[0] ?? 0) & 0x80) {
    let value = 0n;
    for (const b of content) value = (value << 8n) | BigInt(b);
    value = (1n << BigInt(content.length * 8)) - value;
    const hex = value.toString(16);
    return Uint8Array.from((hex.length % 2 ? `0${hex}` : hex).match(/../g) ?? [], (h) => parseInt(h, 16));
  }
  const start = content.findIndex((b) => b !== 0);
  return start === -1 ? content.subarray(content.length - 1) : content.subarray(start);
}

export const nameConstraints: ExtensionParser = {
  name: 'X509v3 Name Constraints',
  parse: (value) => {
    let permitted: GeneralNameView[] | null = null;
    let excluded: GeneralNameView[] | null = null;
    for (const node of childrenOf(parseAsn(value))) {
      const subtrees = taggedChildren(node).map(subtreeBase);
      if (isContext(node, 0) && permitted === null && excluded === null) permitted = subtrees;
      else if (isContext(node, 1) && excluded === null) excluded = subtrees;
      else throw new Error('unexpected field in nameConstraints');
    }
    const lines = [
      ...(permitted ? ['Permitted:', ...permitted.map((n) => `  ${generalNameText(n)}`)] : []),
      ...(excluded ? ['Excluded:', ...excluded.map((n) => `  ${generalNameText(n)}`)] : []),
    ];
    return { value: { kind: 'nameConstraints', permitted, excluded }, lines };
  },
};

/** GeneralSubtree: the base name; minimum and maximum are unused in the Internet PKI (RFC 5280 §4.2.1.10). */
function subtreeBase(node: AsnNode): GeneralNameView {
  const [base, ...rest] = childrenOf(node);
  if (!base || rest.some((n) => n.cls !== 3 || n.tag > 1)) throw new Error('malformed GeneralSubtree');
  return generalNameOf(base);
}
