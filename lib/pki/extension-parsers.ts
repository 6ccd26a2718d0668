import { authorityInfoAccess, crlDistributionPoints, freshestCrl, subjectInfoAccess } from './ext/access';
import { ctPoison, signedCertificateTimestamps } from './ext/ct';
import {
  authorityKeyIdentifier,
  issuerAltName,
  nameConstraints,
  subjectAltName,
  subjectKeyIdentifier,
} from './ext/names';
import { certificatePolicies, inhibitAnyPolicy, policyConstraints, policyMappings } from './ext/policies';
import type { ExtensionParser } from './ext/types';
import {
  basicConstraints,
  extendedKeyUsage,
  keyUsage,
  netscapeCertType,
  privateKeyUsagePeriod,
  tlsFeature,
} from './ext/usage';
import { ia5StringParser, msCaVersion, msTemplate, msTemplateName } from './ext/vendor';

export type { ExtensionFacts, ExtensionParser, ExtensionValue } from './ext/types';

/** The one registry of extension parsers, by OID; any other extension is shown by OID with its value in hex. */
export const extensionParsers: Record<string, ExtensionParser> = {
  '2.5.29.19': basicConstraints,
  '2.5.29.15': keyUsage,
  '2.5.29.37': extendedKeyUsage,
  '2.5.29.17': subjectAltName,
  '2.5.29.18': issuerAltName,
  '2.5.29.14': subjectKeyIdentifier,
  '2.5.29.35': authorityKeyIdentifier,
  '2.5.29.32': certificatePolicies,
  '2.5.29.31': crlDistributionPoints,
  '2.5.29.46': freshestCrl,
  '1.3.6.1.5.5.7.1.1': authorityInfoAccess,
  '1.3.6.1.5.5.7.1.11': subjectInfoAccess,
  '2.5.29.36': policyConstraints,
  '2.5.29.33': policyMappings,
  '2.5.29.30': nameConstraints,
  '2.5.29.54': inhibitAnyPolicy,
  '1.3.6.1.4.1.11129.2.4.2': signedCertificateTimestamps,
  '1.3.6.1.4.1.11129.2.4.5': { ...signedCertificateTimestamps, name: 'CT Certificate SCTs' },
  '1.3.6.1.4.1.11129.2.4.3': ctPoison,
  '1.3.6.1.5.5.7.1.24': tlsFeature,
  '2.5.29.16': privateKeyUsagePeriod,
  '2.16.840.1.113730.1.1': netscapeCertType,
  '2.16.840.1.113730.1.2': ia5StringParser('Netscape Base Url'),
  '2.16.840.1.113730.1.3': ia5StringParser('Netscape Revocation Url'),
  '2.16.840.1.113730.1.4': ia5StringParser('Netscape CA Revocation Url'),
  '2.16.840.1.113730.1.7': ia5StringParser('Netscape Renewal Url'),
  '2.16.840.1.113730.1.8': ia5StringParser('Netscape CA Policy Url'),
  '2.16.840.1.113730.1.12': ia5StringParser('Netscape SSL Server Name'),
  '2.16.840.1.113730.1.13': ia5StringParser('Netscape Comment'),
  '1.3.6.1.4.1.311.20.2': msTemplateName,
  '1.3.6.1.4.1.311.21.7': msTemplate,
  '1.3.6.1.4.1.311.21.1': msCaVersion,
};
