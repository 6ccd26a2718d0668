import { bitsOf, childrenOf, oidOf, parseAsn, taggedChildren, type AsnNode } from '../asn';
import { generalNameOf, generalNameText, type GeneralNameView } from '../general-names';
import { onelineName } from '../name-text';
import { rdnAttributes } from '../names';
import { oidText } from '../oid-names';
import type { AccessDescriptionView, DistributionPointView, ExtensionParser } from './types';

// Where to find more: information access and CRL distribution points.

function accessParser(name: string, kind: 'authorityInfoAccess' | 'subjectInfoAccess'): ExtensionParser {
  return {
    name,
    parse: (value) => {
      const access = childrenOf(parseAsn(value)).map((node): AccessDescriptionView => {
        const [method, location, ...rest] = childrenOf(node);
        if (!location || rest.length > 0) throw new Error('malformed AccessDescription');
        const oid = oidOf(method);
        return { method: oid, methodName: oidText(oid), location: generalNameOf(location) };
      });
      const lines = access.map((a) => `${a.methodName} - ${generalNameText(a.location)}`);
      return { value: { kind, access }, lines };
    },
  };
}

export const authorityInfoAccess = accessParser('Authority Information Access', 'authorityInfoAccess');
export const subjectInfoAccess = accessParser('Subject Information Access', 'subjectInfoAccess');

/** CRL reason flags in bit order (OpenSSL's wording). */
export const reasonNames = [
  'Unused',
  'Key Compromise',
  'CA Compromise',
  'Affiliation Changed',
  'Superseded',
  'Cessation Of Operation',
  'Certificate Hold',
  'Privilege Withdrawn',
  'AA Compromise',
];

function distributionPointsParser(
  name: string,
  kind: 'crlDistributionPoints' | 'freshestCrl',
): ExtensionParser {
  return {
    name,
    parse: (value) => {
      const points = childrenOf(parseAsn(value)).map(distributionPoint);
      return { value: { kind, points }, lines: points.flatMap(pointLines) };
    },
  };
}

export const crlDistributionPoints = distributionPointsParser(
  'X509v3 CRL Distribution Points',
  'crlDistributionPoints',
);
export const freshestCrl = distributionPointsParser('X509v3 Freshest CRL', 'freshestCrl');

function distributionPoint(node: AsnNode): DistributionPointView {
  const point: DistributionPointView = { fullName: null, relativeName: null, reasons: null, crlIssuer: null };
  let last = -1;
  for (const field of childrenOf(node)) {
    if (field.cls !== 3 || field.tag <= last || field.tag > 2)
      throw new Error('unexpected field in DistributionPoint');
    last = field.tag;
    if (field.tag === 0) Object.assign(point, pointName(single(field)));
    if (field.tag === 1) {
      const bits = bitsOf(field);
      point.reasons = reasonNames.filter((_, i) => bits.bit(i));
    }
    if (field.tag === 2) point.crlIssuer = taggedChildren(field).map(generalNameOf);
  }
  return point;
}

function single(node: AsnNode): AsnNode {
  const [child] = taggedChildren(node);
  if (!child || node.children.length !== 1) throw new Error('malformed explicit tag');
  return child;
}

function pointName(node: AsnNode): Pick<DistributionPointView, 'fullName' | 'relativeName'> {
  if (node.cls === 3 && node.tag === 0)
    return { fullName: taggedChildren(node).map(generalNameOf), relativeName: null };
  if (node.cls === 3 && node.tag === 1)
    return { fullName: null, relativeName: rdnAttributes(taggedChildren(node)) };
  throw new Error('malformed DistributionPointName');
}

function pointLines(point: DistributionPointView): string[] {
  const names = (list: GeneralNameView[]) => list.map((n) => `  ${generalNameText(n)}`);
  return [
    ...(point.fullName ? ['Full Name:', ...names(point.fullName)] : []),
    ...(point.relativeName ? ['Relative Name:', `  ${onelineName(point.relativeName, false)}`] : []),
    ...(point.reasons ? ['Reasons:', `  ${point.reasons.join(', ')}`] : []),
    ...(point.crlIssuer ? ['CRL Issuer:', ...names(point.crlIssuer)] : []),
  ];
}
