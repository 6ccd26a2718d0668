import { childrenOf, integerOf, isUniversal, oidOf, parseAsn, textOf, type AsnNode } from '../asn';
import { toHex } from '../bytes';
import { oidText } from '../oid-names';
import type { AsnText } from '../strings';
import type { ExtensionParser, PolicyQualifierView, PolicyView } from './types';

// Certificate policies and the constraints on them.

const cpsQualifier = '1.3.6.1.5.5.7.2.1';
const userNoticeQualifier = '1.3.6.1.5.5.7.2.2';

export const certificatePolicies: ExtensionParser = {
  name: 'X509v3 Certificate Policies',
  parse: (value) => {
    const policies = childrenOf(parseAsn(value)).map((node): PolicyView => {
      const [id, qualifiers, ...rest] = childrenOf(node);
      if (rest.length > 0) throw new Error('unexpected field in PolicyInformation');
      const oid = oidOf(id);
      return {
        oid,
        name: oidText(oid),
        qualifiers: qualifiers ? childrenOf(qualifiers).map(qualifier) : null,
      };
    });
    return { value: { kind: 'certificatePolicies', policies }, lines: policies.flatMap(policyLines) };
  },
};

function qualifier(node: AsnNode): PolicyQualifierView {
  const [id, value, ...rest] = childrenOf(node);
  const oid = oidOf(id);
  if (!value || rest.length > 0) throw new Error('malformed PolicyQualifierInfo');
  if (oid === cpsQualifier) return { type: 'cps', uri: textOf(value) };
  if (oid === userNoticeQualifier) return userNotice(value);
  return { type: 'other', oid, hex: toHex(value.der) };
}

function userNotice(node: AsnNode): PolicyQualifierView {
  let organization: AsnText | null = null;
  let numbers: string[] = [];
  let explicitText: AsnText | null = null;
  for (const item of childrenOf(node)) {
    if (isUniversal(item, 16) && organization === null && explicitText === null) {
      const [org, nums, ...rest] = childrenOf(item);
      if (!org || !nums || rest.length > 0) throw new Error('malformed NoticeReference');
      organization = displayText(org);
      numbers = childrenOf(nums).map((n) => integerOf(n).toString());
    } else if (explicitText === null) explicitText = displayText(item);
    else throw new Error('unexpected field in UserNotice');
  }
  return { type: 'userNotice', organization, numbers, explicitText };
}

/** DisplayText: IA5String, VisibleString, BMPString or UTF8String (RFC 5280 §4.2.1.4). */
function displayText(node: AsnNode): AsnText {
  if (node.cls !== 1 || ![22, 26, 30, 12].includes(node.tag)) throw new Error('DisplayText has a wrong type');
  return textOf(node);
}

function policyLines(policy: PolicyView): string[] {
  return [
    `Policy: ${policy.name}`,
    ...(policy.qualifiers ?? []).flatMap((q): string[] => {
      if (q.type === 'cps') return [`  CPS: ${q.uri.text}`];
      if (q.type === 'other') return [`  Unknown Qualifier: ${oidText(q.oid)}`];
      return [
        '  User Notice:',
        ...(q.organization ? [`    Organization: ${q.organization.text}`] : []),
        ...(q.organization ? [`    Number${q.numbers.length > 1 ? 's' : ''}: ${q.numbers.join(', ')}`] : []),
        ...(q.explicitText ? [`    Explicit Text: ${q.explicitText.text}`] : []),
      ];
    }),
  ];
}

export const policyConstraints: ExtensionParser = {
  name: 'X509v3 Policy Constraints',
  parse: (value) => {
    let requireExplicitPolicy: string | null = null;
    let inhibitPolicyMapping: string | null = null;
    for (const node of childrenOf(parseAsn(value))) {
      const skip = integerOf(node).toString();
      if (
        node.cls === 3 &&
        node.tag === 0 &&
        requireExplicitPolicy === null &&
        inhibitPolicyMapping === null
      ) {
        requireExplicitPolicy = skip;
      } else if (node.cls === 3 && node.tag === 1 && inhibitPolicyMapping === null)
        inhibitPolicyMapping = skip;
      else throw new Error('unexpected field in policyConstraints');
    }
    const lines = [
      [
        requireExplicitPolicy !== null && `Require Explicit Policy:${requireExplicitPolicy}`,
        inhibitPolicyMapping !== null && `Inhibit Policy Mapping:${inhibitPolicyMapping}`,
      ]
        .filter(Boolean)
        .join(', '),
    ];
    return { value: { kind: 'policyConstraints', requireExplicitPolicy, inhibitPolicyMapping }, lines };
  },
};

export const policyMappings: ExtensionParser = {
  name: 'X509v3 Policy Mappings',
  parse: (value) => {
    const mappings = childrenOf(parseAsn(value)).map((node) => {
      const [issuer, subject, ...rest] = childrenOf(node);
      if (rest.length > 0) throw new Error('malformed PolicyMapping');
      return { issuerDomainPolicy: oidOf(issuer), subjectDomainPolicy: oidOf(subject) };
    });
    const text = (m: (typeof mappings)[number]) =>
      `${oidText(m.issuerDomainPolicy)}:${oidText(m.subjectDomainPolicy)}`;
    return { value: { kind: 'policyMappings', mappings }, lines: [mappings.map(text).join(', ')] };
  },
};

export const inhibitAnyPolicy: ExtensionParser = {
  name: 'X509v3 Inhibit Any Policy',
  parse: (value) => {
    const node = parseAsn(value);
    if (!isUniversal(node, 2)) throw new Error('expected an INTEGER');
    const skipCerts = integerOf(node).toString();
    return { value: { kind: 'inhibitAnyPolicy', skipCerts }, lines: [skipCerts] };
  },
};
