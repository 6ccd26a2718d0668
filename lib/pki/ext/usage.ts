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
} from '../asn';
import { extendedKeyUsageName } from '../eku';
import { keyUsageBits, keyUsageLabels, keyUsages } from '../usages';
import type { ExtensionParser } from './types';

// Basic constraints, usages and usage-like extensions.

export const basicConstraints: ExtensionParser = {
  name: 'X509v3 Basic Constraints',
  parse: (value) => {
    const items = [...childrenOf(parseAsn(value))];
    const ca = isUniversal(items[0], 1) ? booleanOf(items.shift()) : false;
    const pathLength = items[0] ? Number(integerOf(items.shift())) : null;
    if (items.length > 0) throw new Error('unexpected fields in basicConstraints');
    const line = `CA:${ca ? 'TRUE' : 'FALSE'}${pathLength !== null ? `, pathlen:${pathLength}` : ''}`;
    return {
      value: { kind: 'basicConstraints', ca, pathLength },
      lines: [line],
      facts: { basicConstraints: { ca, pathLength } },
    };
  },
};

export const keyUsage: ExtensionParser = {
  name: 'X509v3 Key Usage',
  parse: (value) => {
    const bits = bitsOf(parseAsn(value));
    const usages = keyUsages.filter((usage) => bits.bit(keyUsageBits[usage]));
    return {
      value: { kind: 'keyUsage', usages },
      lines: [usages.map((u) => keyUsageLabels[u]).join(', ')],
      facts: { keyUsage: usages },
    };
  },
};

export const extendedKeyUsage: ExtensionParser = {
  name: 'X509v3 Extended Key Usage',
  parse: (value) => {
    const oids = childrenOf(parseAsn(value)).map(oidOf);
    const usages = oids.map((oid) => ({ oid, label: extendedKeyUsageName(oid).label }));
    return {
      value: { kind: 'extendedKeyUsage', usages },
      lines: [usages.map((u) => u.label).join(', ')],
      facts: { extendedKeyUsage: oids },
    };
  },
};

/** Bit names of the Netscape certificate type, in bit order (OpenSSL's wording). */
export const netscapeCertTypeNames = [
  'SSL Client',
  'SSL Server',
  'S/MIME',
  'Object Signing',
  'Unused',
  'SSL CA',
  'S/MIME CA',
  'Object Signing CA',
];

export const netscapeCertType: ExtensionParser = {
  name: 'Netscape Cert Type',
  parse: (value) => {
    const bits = bitsOf(parseAsn(value));
    const types = netscapeCertTypeNames.filter((_, i) => bits.bit(i));
    return { value: { kind: 'netscapeCertType', types }, lines: [types.join(', ')] };
  },
};

const tlsFeatureNames: Record<string, string> = { '5': 'status_request', '17': 'status_request_v2' };

export const tlsFeature: ExtensionParser = {
  name: 'TLS Feature',
  parse: (value) => {
    const features = childrenOf(parseAsn(value)).map((node) => {
      const id = integerOf(node).toString();
      return { id, name: tlsFeatureNames[id] ?? null };
    });
    return {
      value: { kind: 'tlsFeature', features },
      lines: [features.map((f) => f.name ?? f.id).join(', ')],
    };
  },
};

export const privateKeyUsagePeriod: ExtensionParser = {
  name: 'X509v3 Private Key Usage Period',
  parse: (value) => {
    let notBefore: string | null = null;
    let notAfter: string | null = null;
    for (const node of childrenOf(parseAsn(value))) {
      if (isContext(node, 0) && notBefore === null && notAfter === null) notBefore = generalizedTimeOf(node);
      else if (isContext(node, 1) && notAfter === null) notAfter = generalizedTimeOf(node);
      else throw new Error('unexpected field in privateKeyUsagePeriod');
    }
    const lines = [
      [notBefore && `Not Before: ${notBefore}`, notAfter && `Not After: ${notAfter}`]
        .filter(Boolean)
        .join(', '),
    ];
    return { value: { kind: 'privateKeyUsagePeriod', notBefore, notAfter }, lines };
  },
};
