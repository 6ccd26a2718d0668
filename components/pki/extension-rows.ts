import type { DistributionPointView, ExtensionValue, GeneralNameView, PolicyView, SctView } from '@/lib/pki';
import { keyUsageLabels } from '@/lib/pki/usages';
import { generalNameParts } from './general-name-text';

/** One labelled value of an extension, as the Extensions tab lists it; `mono` for hex and identifiers. */
export interface ExtensionRow {
  label: string;
  value: string;
  mono?: boolean;
}

const row = (label: string, value: string, mono = false): ExtensionRow => ({ label, value, mono });
const names = (prefix: string, list: GeneralNameView[] | null): ExtensionRow[] =>
  (list ?? []).map((name) => {
    const [label, value] = generalNameParts(name);
    return row(prefix ? `${prefix}: ${label}` : label, value);
  });

/**
 * The decoded value of an extension as rows for people. `unknown` has no rows: the view shows its OID and
 * hex instead.
 */
export function extensionRows(value: ExtensionValue): ExtensionRow[] {
  switch (value.kind) {
    case 'basicConstraints':
      return [
        row('Certificate authority', value.ca ? 'Yes (CA:TRUE)' : 'No (CA:FALSE)'),
        ...(value.ca
          ? [row('Path length', value.pathLength === null ? 'unlimited' : String(value.pathLength))]
          : []),
      ];
    case 'keyUsage':
      return [row('Usages', value.usages.map((u) => keyUsageLabels[u]).join(', '))];
    case 'extendedKeyUsage':
      return value.usages.map((u) => row(u.label, u.oid, true));
    case 'subjectAltName':
    case 'issuerAltName':
      return names('', value.names);
    case 'subjectKeyIdentifier':
      return [row('Key identifier', value.keyId, true)];
    case 'authorityKeyIdentifier':
      return [
        ...(value.keyId ? [row('Key identifier', value.keyId, true)] : []),
        ...names('Issuer', value.issuer),
        ...(value.serial ? [row('Issuer serial', value.serial, true)] : []),
      ];
    case 'crlDistributionPoints':
    case 'freshestCrl':
      return value.points.flatMap(distributionPointRows);
    case 'authorityInfoAccess':
    case 'subjectInfoAccess':
      return value.access.map((a) => row(a.methodName, generalNameParts(a.location)[1]));
    case 'certificatePolicies':
      return value.policies.flatMap(policyRows);
    case 'policyConstraints':
      return [
        ...(value.requireExplicitPolicy !== null
          ? [row('Require explicit policy', value.requireExplicitPolicy)]
          : []),
        ...(value.inhibitPolicyMapping !== null
          ? [row('Inhibit policy mapping', value.inhibitPolicyMapping)]
          : []),
      ];
    case 'policyMappings':
      return value.mappings.map((m) => row(m.issuerDomainPolicy, `maps to ${m.subjectDomainPolicy}`, true));
    case 'nameConstraints':
      return [...names('Permitted', value.permitted), ...names('Excluded', value.excluded)];
    case 'inhibitAnyPolicy':
      return [row('Skip certificates', value.skipCerts)];
    case 'signedCertificateTimestamps':
      return value.timestamps.flatMap(sctRows);
    case 'ctPoison':
      return [row('Precertificate', 'Poisoned: a pre-certificate for Certificate Transparency, not for use')];
    case 'tlsFeature':
      return value.features.map((f) => row('Feature', f.name ? `${f.name} (${f.id})` : f.id));
    case 'privateKeyUsagePeriod':
      return [
        ...(value.notBefore ? [row('Not before', value.notBefore)] : []),
        ...(value.notAfter ? [row('Not after', value.notAfter)] : []),
      ];
    case 'netscapeCertType':
      return [row('Types', value.types.join(', '))];
    case 'ia5String':
      return [row('Text', value.text.text)];
    case 'msTemplateName':
      return [row('Template name', value.name.text)];
    case 'msTemplate':
      return [
        row('Template', value.templateId, true),
        row(
          'Version',
          value.minorVersion === null ? value.majorVersion : `${value.majorVersion}.${value.minorVersion}`,
        ),
      ];
    case 'msCaVersion':
      return [row('Certificate index', String(value.certIndex)), row('Key index', String(value.keyIndex))];
    case 'unknown':
      return [];
  }
}

function distributionPointRows(point: DistributionPointView, index: number): ExtensionRow[] {
  const prefix = `Point ${index + 1}`;
  return [
    ...names(prefix, point.fullName),
    ...(point.relativeName
      ? [row(`${prefix}: relative name`, point.relativeName.map((a) => `${a.type} = ${a.value}`).join(' + '))]
      : []),
    ...(point.reasons ? [row(`${prefix}: reasons`, point.reasons.join(', '))] : []),
    ...names(`${prefix}: CRL issuer`, point.crlIssuer),
  ];
}

function policyRows(policy: PolicyView, index: number): ExtensionRow[] {
  const prefix = `Policy ${index + 1}`;
  const qualifiers = (policy.qualifiers ?? []).map((q) => {
    if (q.type === 'cps') return row(`${prefix}: CPS`, q.uri.text);
    if (q.type === 'other') return row(`${prefix}: qualifier ${q.oid}`, q.hex, true);
    const notice = [
      q.organization?.text,
      q.numbers.length ? `notice ${q.numbers.join(', ')}` : null,
      q.explicitText?.text,
    ];
    return row(`${prefix}: user notice`, notice.filter(Boolean).join(' · '));
  });
  return [
    row(prefix, policy.name === policy.oid ? policy.oid : `${policy.name} (${policy.oid})`),
    ...qualifiers,
  ];
}

function sctRows(sct: SctView, index: number): ExtensionRow[] {
  const prefix = `SCT ${index + 1}`;
  if (!('logId' in sct)) return [row(`${prefix}: version ${sct.version}`, sct.raw, true)];
  return [
    row(`${prefix}: log ID`, sct.logId, true),
    row(`${prefix}: timestamp`, sct.timestamp),
    row(
      `${prefix}: signature`,
      sct.signatureName ?? `hash ${sct.hashAlgorithm}, signature ${sct.signatureAlgorithm}`,
    ),
  ];
}
