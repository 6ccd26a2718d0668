import { childrenOf, isContext, oidOf, parseAsn, tagClass, textOf, type AsnNode } from './asn';
import { toHex } from './bytes';
import { ipText } from './ip';
import { nameViewFromDer, type NameView } from './names';
import { oidText } from './oid-names';
import { asnTags, type AsnText } from './strings';

export interface SanView {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'other';
  /** For 'other', prefixed with its kind as OpenSSL prints it, e.g. "DirName:CN = x". */
  value: string;
}

/** Every GeneralName form of RFC 5280 §4.2.1.6, with what each needs to be shown exactly. */
export type GeneralNameView =
  | { type: 'otherName'; typeId: string; value: OtherNameValue }
  | { type: 'email' | 'dns' | 'uri'; value: string }
  | { type: 'x400Address'; hex: string }
  | { type: 'directoryName'; name: NameView }
  | { type: 'ediPartyName'; nameAssigner: AsnText | null; partyName: AsnText }
  | { type: 'ip'; value: string; hex: string }
  | { type: 'registeredId'; oid: string };

export interface OtherNameValue {
  /** Universal tag of the value inside [0]; 0 when it is not a universal primitive. */
  tag: number;
  /** The text of a string value, else null. */
  text: string | null;
  /** The value's DER, lower-case hex. */
  hex: string;
}

/** Reads a GeneralName element (its context tag decides the form); throws on anything malformed. */
export function generalNameOf(node: AsnNode): GeneralNameView {
  if (node.cls !== tagClass.context) throw new Error('a general name is not context-tagged');
  switch (node.tag) {
    case 0:
      return otherName(node);
    case 1:
      return { type: 'email', value: ia5(node) };
    case 2:
      return { type: 'dns', value: ia5(node) };
    case 3:
      return { type: 'x400Address', hex: toHex(node.der) };
    case 4:
      return { type: 'directoryName', name: nameViewFromDer(single(node).der) };
    case 5:
      return ediPartyName(node);
    case 6:
      return { type: 'uri', value: ia5(node) };
    case 7:
      if (node.constructed) throw new Error('an IP address is constructed');
      return { type: 'ip', value: ipText(node.content), hex: toHex(node.content) };
    case 8:
      return { type: 'registeredId', oid: oidOf(node) };
    default:
      throw new Error(`unknown general name tag [${node.tag}]`);
  }
}

function ia5(node: AsnNode): string {
  return textOf(node, asnTags.ia5String).text;
}

/** A SEQUENCE OF GeneralName given as DER or as a parsed node. */
export function generalNamesOf(input: AsnNode | ArrayBuffer | Uint8Array): GeneralNameView[] {
  const node = input instanceof ArrayBuffer || input instanceof Uint8Array ? parseAsn(input) : input;
  return childrenOf(node).map(generalNameOf);
}

function single(node: AsnNode): AsnNode {
  const [child] = node.children;
  if (!node.constructed || node.children.length !== 1 || !child) throw new Error('malformed explicit tag');
  return child;
}

function otherName(node: AsnNode): GeneralNameView {
  const [typeId, wrapper] = node.children;
  if (!node.constructed || node.children.length !== 2 || !isContext(wrapper, 0)) {
    throw new Error('malformed otherName');
  }
  const value = single(wrapper);
  const isString = value.cls === tagClass.universal && !value.constructed;
  const text = isString && [12, 19, 20, 22, 26, 28, 30].includes(value.tag) ? textOf(value).text : null;
  return {
    type: 'otherName',
    typeId: oidOf(typeId),
    value: { tag: isString ? value.tag : 0, text, hex: toHex(value.der) },
  };
}

function ediPartyName(node: AsnNode): GeneralNameView {
  let nameAssigner: AsnText | null = null;
  let partyName: AsnText | null = null;
  for (const child of node.children) {
    if (isContext(child, 0) && nameAssigner === null && partyName === null)
      nameAssigner = textOf(single(child));
    else if (isContext(child, 1) && partyName === null) partyName = textOf(single(child));
    else throw new Error('malformed ediPartyName');
  }
  if (!node.constructed || partyName === null) throw new Error('an ediPartyName has no partyName');
  return { type: 'ediPartyName', nameAssigner, partyName };
}

/** The short list the certificate and CSR views show as "SANs". */
export function sanView(name: GeneralNameView): SanView {
  if (name.type === 'dns' || name.type === 'ip' || name.type === 'email' || name.type === 'uri') {
    return { type: name.type, value: name.value };
  }
  return { type: 'other', value: generalNameText(name) };
}

/** One name for people, in OpenSSL's vocabulary: "DNS:example.com", "DirName:CN = x", "othername:UPN:a@b". */
export function generalNameText(name: GeneralNameView): string {
  switch (name.type) {
    case 'dns':
      return `DNS:${name.value}`;
    case 'ip':
      return `IP Address:${name.value}`;
    case 'email':
      return `email:${name.value}`;
    case 'uri':
      return `URI:${name.value}`;
    case 'directoryName':
      return `DirName:${name.name.text}`;
    case 'registeredId':
      return `Registered ID:${oidText(name.oid)}`;
    case 'otherName':
      return `othername:${oidText(name.typeId)}:${name.value.text ?? `#${name.value.hex}`}`;
    case 'ediPartyName':
      return `EdiPartyName:${name.partyName.text}`;
    case 'x400Address':
      return `X400Name:#${name.hex}`;
  }
}
