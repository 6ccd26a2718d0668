import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CertificatePolicies,
  CRLDistributionPoints,
  ExtendedKeyUsage as AsnExtendedKeyUsage,
  IssueAlternativeName,
  KeyUsage as AsnKeyUsage,
  Qualifier,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { toColonHex } from './bytes';
import { extendedKeyUsageName } from './eku';
import { generalNameText, sanView, type SanView } from './general-names';
import { accessMethodNames } from './oids';
import { keyUsageBits, keyUsageLabels, keyUsages, type KeyUsage } from './usages';

/** What the certificate and CSR views lift out of extensions, besides the printable lines. */
export interface ExtensionFacts {
  keyUsage: KeyUsage[] | null;
  /** OIDs, in encoding order. */
  extendedKeyUsage: string[] | null;
  basicConstraints: { ca: boolean; pathLength: number | null } | null;
  sans: SanView[];
  subjectKeyId: string | null;
  authorityKeyId: string | null;
}

export type ExtensionParser = (value: ArrayBuffer) => { lines: string[]; facts?: Partial<ExtensionFacts> };

const basicConstraints: ExtensionParser = (value) => {
  const bc = AsnConvert.parse(value, BasicConstraints);
  const pathLength = bc.pathLenConstraint ?? null;
  const line = `CA:${bc.cA ? 'TRUE' : 'FALSE'}${pathLength !== null ? `, pathlen:${pathLength}` : ''}`;
  return { lines: [line], facts: { basicConstraints: { ca: bc.cA, pathLength } } };
};

const keyUsage: ExtensionParser = (value) => {
  const flags = AsnConvert.parse(value, AsnKeyUsage).toNumber();
  const usages = keyUsages.filter((usage) => (flags & (1 << keyUsageBits[usage])) !== 0);
  return { lines: [usages.map((u) => keyUsageLabels[u]).join(', ')], facts: { keyUsage: usages } };
};

const extendedKeyUsage: ExtensionParser = (value) => {
  const oids = [...AsnConvert.parse(value, AsnExtendedKeyUsage)];
  return {
    lines: [oids.map((oid) => extendedKeyUsageName(oid).label).join(', ')],
    facts: { extendedKeyUsage: oids },
  };
};

const subjectAltName: ExtensionParser = (value) => {
  const names = [...AsnConvert.parse(value, SubjectAlternativeName)];
  return { lines: [names.map(generalNameText).join(', ')], facts: { sans: names.map(sanView) } };
};

const issuerAltName: ExtensionParser = (value) => ({
  lines: [[...AsnConvert.parse(value, IssueAlternativeName)].map(generalNameText).join(', ')],
});

const subjectKeyId: ExtensionParser = (value) => {
  const id = toColonHex(AsnConvert.parse(value, SubjectKeyIdentifier).buffer);
  return { lines: [id], facts: { subjectKeyId: id } };
};

const authorityKeyId: ExtensionParser = (value) => {
  const aki = AsnConvert.parse(value, AuthorityKeyIdentifier);
  const id = aki.keyIdentifier ? toColonHex(aki.keyIdentifier.buffer) : null;
  const lines = [
    ...(id ? [id] : []),
    ...(aki.authorityCertIssuer ?? []).map(generalNameText),
    ...(aki.authorityCertSerialNumber ? [`serial:${toColonHex(aki.authorityCertSerialNumber)}`] : []),
  ];
  return { lines, facts: { authorityKeyId: id } };
};

const certificatePolicies: ExtensionParser = (value) => ({
  lines: [...AsnConvert.parse(value, CertificatePolicies)].flatMap((policy) => [
    `Policy: ${policy.policyIdentifier}`,
    ...(policy.policyQualifiers ?? []).flatMap((info) => {
      if (info.policyQualifierId !== '1.3.6.1.5.5.7.2.1') return [];
      const uri = AsnConvert.parse(info.qualifier, Qualifier).cPSuri;
      return uri ? [`  CPS: ${uri}`] : [];
    }),
  ]),
});

const crlDistributionPoints: ExtensionParser = (value) => ({
  lines: [...AsnConvert.parse(value, CRLDistributionPoints)].flatMap((point) => {
    const fullName = point.distributionPoint?.fullName ?? [];
    return fullName.length > 0 ? ['Full Name:', ...fullName.map((n) => `  ${generalNameText(n)}`)] : [];
  }),
});

const authorityInfoAccess: ExtensionParser = (value) => ({
  lines: [...AsnConvert.parse(value, AuthorityInfoAccessSyntax)].map(
    (access) =>
      `${accessMethodNames[access.accessMethod] ?? access.accessMethod} - ${generalNameText(access.accessLocation)}`,
  ),
});

/** Parsers by extension OID; any other extension is shown by OID with its value in hex. */
export const extensionParsers: Record<string, ExtensionParser> = {
  '2.5.29.19': basicConstraints,
  '2.5.29.15': keyUsage,
  '2.5.29.37': extendedKeyUsage,
  '2.5.29.17': subjectAltName,
  '2.5.29.18': issuerAltName,
  '2.5.29.14': subjectKeyId,
  '2.5.29.35': authorityKeyId,
  '2.5.29.32': certificatePolicies,
  '2.5.29.31': crlDistributionPoints,
  '1.3.6.1.5.5.7.1.1': authorityInfoAccess,
};
