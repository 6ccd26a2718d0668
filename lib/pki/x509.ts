import {
  bitsOf,
  booleanOf,
  childrenOf,
  generalizedTimeOf,
  integerOf,
  isContext,
  isUniversal,
  oidOf,
  parseAsn,
  quoted,
  tagClass,
  type AsnNode,
} from './asn';
import { latin1 } from './strings';

// The X.509 certificate (RFC 5280 §4.1) and PKCS#10 request (RFC 2986 §4) structures, read off the decoded
// tree. Every reader throws an Error naming what is wrong; the decoders turn that into a reason.

export interface AlgorithmIdentifier {
  oid: string;
  /** The parameters' DER; null when absent (a NULL is present: 05 00). */
  parameters: Uint8Array | null;
}

export interface SubjectPublicKeyInfo {
  /** The whole SubjectPublicKeyInfo as encoded, the form the TSB and WebCrypto take keys in. */
  der: Uint8Array;
  algorithm: AlgorithmIdentifier;
  /** The subjectPublicKey BIT STRING's octets, without the unused-bits octet. */
  publicKey: Uint8Array;
}

export interface Extension {
  oid: string;
  critical: boolean;
  /** extnValue's contents: the extension's own DER. */
  value: Uint8Array;
}

export interface Attribute {
  oid: string;
  /** Each value's DER. */
  values: Uint8Array[];
}

export interface TbsCertificate {
  /** As encoded: the octets the signature covers. */
  der: Uint8Array;
  /** 0 for v1, 2 for v3. */
  version: number;
  /** The serial number INTEGER's contents octets. */
  serial: Uint8Array;
  signature: AlgorithmIdentifier;
  issuer: AsnNode;
  notBefore: Date;
  notAfter: Date;
  subject: AsnNode;
  subjectPublicKeyInfo: SubjectPublicKeyInfo;
  issuerUniqueId: Uint8Array | null;
  subjectUniqueId: Uint8Array | null;
  /** null when the certificate has no extensions field. */
  extensions: Extension[] | null;
}

export interface CertificateStructure {
  tbs: TbsCertificate;
  signatureAlgorithm: AlgorithmIdentifier;
  signatureValue: Uint8Array;
}

export interface CertificationRequestStructure {
  info: {
    der: Uint8Array;
    /** 0, the only version PKCS#10 defines. */
    version: number;
    subject: AsnNode;
    subjectPublicKeyInfo: SubjectPublicKeyInfo;
    attributes: Attribute[];
  };
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
}

/** A certificate from its decoded tree (parseAsn). */
export function readCertificate(root: AsnNode): CertificateStructure {
  const [tbs, signatureAlgorithm, signatureValue, ...rest] = sequence(root, 'Certificate');
  if (rest.length > 0 || !signatureValue) throw new Error('a Certificate has three elements');
  return {
    tbs: tbsCertificate(tbs),
    signatureAlgorithm: algorithmIdentifier(signatureAlgorithm),
    signatureValue: bitString(signatureValue, 'signatureValue'),
  };
}

function tbsCertificate(node: AsnNode | undefined): TbsCertificate {
  assertSequence(node, 'TBSCertificate');
  const parts = [...node.children];
  const versionField = isContext(parts[0], 0) ? parts.shift() : undefined;
  const [serial, signature, issuer, validity, subject, spki, ...optional] = parts;
  if (!isUniversal(serial, 2)) throw new Error('the serial number is not an INTEGER');
  const [notBefore, notAfter, ...extra] = sequence(validity, 'Validity');
  if (extra.length > 0) throw new Error('Validity has two elements');
  const tbs: TbsCertificate = {
    der: node.der,
    version: versionField ? explicitVersion(versionField) : 0,
    serial: serial.content,
    signature: algorithmIdentifier(signature),
    issuer: name(issuer),
    notBefore: timeOf(notBefore),
    notAfter: timeOf(notAfter),
    subject: name(subject),
    subjectPublicKeyInfo: subjectPublicKeyInfo(spki),
    issuerUniqueId: null,
    subjectUniqueId: null,
    extensions: null,
  };
  // [1] issuerUniqueID, [2] subjectUniqueID, [3] extensions: each optional, in this order.
  let next = 1;
  for (const field of optional) {
    const tag = field.cls === tagClass.context ? field.tag : -1;
    if (tag < next || tag > 3) throw new Error('TBSCertificate has an unexpected element');
    next = tag + 1;
    if (tag === 1) tbs.issuerUniqueId = bitsOf(field).bytes;
    if (tag === 2) tbs.subjectUniqueId = bitsOf(field).bytes;
    if (tag === 3) {
      const [extensions, ...more] = childrenOf(field, field.tag);
      if (!extensions || more.length > 0) throw new Error('[3] holds one Extensions');
      tbs.extensions = extensionList(extensions);
    }
  }
  return tbs;
}

function explicitVersion(field: AsnNode): number {
  const [version, ...rest] = field.constructed ? field.children : [];
  if (!isUniversal(version, 2) || rest.length > 0) throw new Error('the version is not an INTEGER');
  return Number(integerOf(version));
}

/** A PKCS#10 certification request from its decoded tree (parseAsn). */
export function readCertificationRequest(root: AsnNode): CertificationRequestStructure {
  const [info, signatureAlgorithm, signature, ...rest] = sequence(root, 'CertificationRequest');
  if (rest.length > 0 || !signature) throw new Error('a CertificationRequest has three elements');
  assertSequence(info, 'CertificationRequestInfo');
  const [version, subject, spki, attributes, ...extra] = info.children;
  if (!isUniversal(version, 2)) throw new Error('the version is not an INTEGER');
  if (!isContext(attributes, 0) || !attributes.constructed || extra.length > 0) {
    throw new Error('CertificationRequestInfo does not end with [0] attributes');
  }
  return {
    info: {
      der: info.der,
      version: Number(integerOf(version)),
      subject: name(subject),
      subjectPublicKeyInfo: subjectPublicKeyInfo(spki),
      attributes: attributes.children.map(attribute),
    },
    signatureAlgorithm: algorithmIdentifier(signatureAlgorithm),
    signature: bitString(signature, 'signature'),
  };
}

function attribute(node: AsnNode): Attribute {
  const [type, values, ...rest] = sequence(node, 'Attribute');
  if (!isUniversal(values, 17) || !values.constructed || rest.length > 0) {
    throw new Error('an Attribute is not a type and a SET of values');
  }
  return {
    oid: objectIdentifier(type, 'an attribute type'),
    values: values.children.map((value) => value.der),
  };
}

/** Extensions (a SEQUENCE OF Extension) given as DER, as a request's extensionRequest attribute holds them. */
export function readExtensions(der: Uint8Array): Extension[] {
  return extensionList(parseAsn(der));
}

function extensionList(node: AsnNode): Extension[] {
  return sequence(node, 'Extensions').map((extension) => {
    const [id, second, third, ...rest] = sequence(extension, 'Extension');
    const critical = third === undefined ? false : booleanOf(second);
    const value = third ?? second;
    if (!isUniversal(value, 4) || value.constructed || rest.length > 0) {
      throw new Error('an Extension does not end with an OCTET STRING');
    }
    return { oid: objectIdentifier(id, 'an extension ID'), critical, value: value.content };
  });
}

function algorithmIdentifier(node: AsnNode | undefined): AlgorithmIdentifier {
  const [algorithm, parameters, ...rest] = sequence(node, 'AlgorithmIdentifier');
  if (rest.length > 0) throw new Error('AlgorithmIdentifier has more than two elements');
  return { oid: objectIdentifier(algorithm, 'an algorithm'), parameters: parameters?.der ?? null };
}

function subjectPublicKeyInfo(node: AsnNode | undefined): SubjectPublicKeyInfo {
  assertSequence(node, 'SubjectPublicKeyInfo');
  const [algorithm, publicKey, ...rest] = node.children;
  if (rest.length > 0) throw new Error('SubjectPublicKeyInfo has two elements');
  return {
    der: node.der,
    algorithm: algorithmIdentifier(algorithm),
    publicKey: bitString(publicKey, 'subjectPublicKey'),
  };
}

/** A Name: a SEQUENCE of SETs of AttributeTypeAndValue, read further by names.ts. */
function name(node: AsnNode | undefined): AsnNode {
  for (const rdn of sequence(node, 'Name')) {
    if (!isUniversal(rdn, 17) || !rdn.constructed) throw new Error('a Name holds a non-SET');
  }
  return node as AsnNode;
}

function objectIdentifier(node: AsnNode | undefined, what: string): string {
  if (!isUniversal(node, 6)) throw new Error(`${what} is not an OBJECT IDENTIFIER`);
  return oidOf(node);
}

function assertSequence(node: AsnNode | undefined, what: string): asserts node is AsnNode {
  if (!isUniversal(node, 16) || !node.constructed) throw new Error(`${what} is not a SEQUENCE`);
}

function sequence(node: AsnNode | undefined, what: string): AsnNode[] {
  assertSequence(node, what);
  return node.children;
}

function bitString(node: AsnNode | undefined, what: string): Uint8Array {
  if (!isUniversal(node, 3)) throw new Error(`${what} is not a BIT STRING`);
  return bitsOf(node).bytes;
}

/** UTCTime (YYMMDDHHMMSSZ, years 50–99 in the 1900s) or GeneralizedTime, as RFC 5280 §4.1.2.5 allows them. */
function timeOf(node: AsnNode | undefined): Date {
  if (node?.cls === tagClass.universal && node.tag === 24) return new Date(generalizedTimeOf(node));
  if (!isUniversal(node, 23) || node.constructed)
    throw new Error('a time is neither UTCTime nor GeneralizedTime');
  const text = latin1(node.content);
  const match = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  if (!match) throw new Error(`malformed UTCTime ${quoted(text)}`);
  const [year = 0, month = 1, day, hour, minute, second] = match.slice(1).map(Number);
  return new Date(Date.UTC(year < 50 ? 2000 + year : 1900 + year, month - 1, day, hour, minute, second));
}

/**
 * Whether a decoded value is shaped like a certificate, a request or neither. Only the outline counts, so
 * that a certificate with one bad field is reported as one, with the reason, when its fields are read.
 * Signed part, algorithm, signature; a request's signed part has four elements, the last [0] attributes.
 */
export function outlineKind(root: AsnNode): 'certificate' | 'csr' | 'unknown' {
  const [signed, algorithm, signature, ...rest] = isUniversal(root, 16) ? root.children : [];
  if (
    !isUniversal(signed, 16) ||
    !isUniversal(algorithm, 16) ||
    !isUniversal(signature, 3) ||
    rest.length > 0
  ) {
    return 'unknown';
  }
  const [first, ...others] = signed.children;
  const last = others[others.length - 1];
  if (others.length === 3 && isUniversal(first, 2) && isContext(last, 0)) return 'csr';
  if (others.length >= 5 && (isUniversal(first, 2) || isContext(first, 0))) return 'certificate';
  return 'unknown';
}
