import type { ExtensionValue } from '../ext/types';
import { oidText } from '../oid-names';
import { encodeText } from '../strings';
import { keyUsageLabels } from '../usages';
import { generalNameValue, type ConfValue } from './general-name';
import { cString, pad } from './text';

// Extensions OpenSSL prints as a list of values (i2v) or as one string (i2s).

/** X509V3_EXT_val_prn: comma-separated on one line, or one value a line for multi-line methods. */
export function valuesPrint(values: ConfValue[], indent: number, multiline: boolean): string {
  let out = !multiline || values.length === 0 ? pad(indent) : '';
  if (values.length === 0) out += '<EMPTY>\n';
  values.forEach((v, i) => {
    if (multiline) out += `${i > 0 ? '\n' : ''}${pad(indent)}`;
    else if (i > 0) out += ', ';
    out += v.name === null ? (v.value ?? '') : v.value === null ? v.name : `${v.name}:${v.value}`;
  });
  return out;
}

const value = (v: string): ConfValue => ({ name: null, value: v });

/** i2v of the extensions that list values; null when OpenSSL's i2v returns nothing (it then dumps the bytes). */
export function extensionValues(v: ExtensionValue): { values: ConfValue[]; multiline: boolean } | null {
  const nonEmpty = (values: ConfValue[], multiline = false) =>
    values.length > 0 ? { values, multiline } : null;
  switch (v.kind) {
    case 'basicConstraints':
      return {
        values: [
          { name: 'CA', value: v.ca ? 'TRUE' : 'FALSE' },
          ...(v.pathLength !== null ? [{ name: 'pathlen', value: String(v.pathLength) }] : []),
        ],
        multiline: false,
      };
    case 'keyUsage':
      return nonEmpty(v.usages.map((u) => value(keyUsageLabels[u])));
    case 'netscapeCertType':
      return nonEmpty(v.types.map(value));
    case 'extendedKeyUsage':
      return nonEmpty(v.usages.map((u) => value(oidText(u.oid))));
    case 'tlsFeature':
      return nonEmpty(v.features.map((f) => value(f.name ?? f.id)));
    case 'subjectAltName':
    case 'issuerAltName':
      return names(v.names.map(generalNameValue), false);
    case 'authorityKeyIdentifier': {
      const issuer = v.issuer ? v.issuer.map(generalNameValue) : [];
      if (issuer.includes(null)) return null;
      const keyId = v.keyId !== null ? [{ name: v.issuer || v.serial ? 'keyid' : null, value: v.keyId }] : [];
      const serial = v.serial !== null ? [{ name: 'serial', value: v.serial }] : [];
      return nonEmpty([...keyId, ...(issuer as ConfValue[]), ...serial], true);
    }
    case 'authorityInfoAccess':
    case 'subjectInfoAccess': {
      const located = v.access.map((a) => {
        const location = generalNameValue(a.location);
        return location && { name: `${a.methodName.slice(0, 79)} - ${location.name}`, value: location.value };
      });
      return names(located, true);
    }
    case 'policyConstraints':
      return nonEmpty([
        ...(v.requireExplicitPolicy !== null
          ? [{ name: 'Require Explicit Policy', value: v.requireExplicitPolicy }]
          : []),
        ...(v.inhibitPolicyMapping !== null
          ? [{ name: 'Inhibit Policy Mapping', value: v.inhibitPolicyMapping }]
          : []),
      ]);
    case 'policyMappings':
      return nonEmpty(
        v.mappings.map((m) => ({
          name: oidText(m.issuerDomainPolicy),
          value: oidText(m.subjectDomainPolicy),
        })),
      );
    default:
      return null;
  }
}

function names(
  values: (ConfValue | null)[],
  multiline: boolean,
): { values: ConfValue[]; multiline: boolean } | null {
  return values.includes(null) ? null : { values: values as ConfValue[], multiline };
}

/** i2s of the extensions that are one string. */
export function extensionString(v: ExtensionValue): string | null {
  switch (v.kind) {
    case 'subjectKeyIdentifier':
      return v.keyId;
    case 'inhibitAnyPolicy':
      return v.skipCerts;
    case 'ia5String':
      return cString(encodeText(v.text));
    case 'ctPoison':
      return 'NULL';
    default:
      return null;
  }
}
