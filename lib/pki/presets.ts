import type { ExtendedKeyUsage, KeyUsage } from './usages';

export interface UsagePreset {
  id: 'tls-server' | 'tls-client' | 'code-signing' | 'email-protection' | 'intermediate-ca';
  label: string;
  keyUsage: KeyUsage[];
  extendedKeyUsage: ExtendedKeyUsage[];
  certificateAuthority: boolean;
}

// Digital Signature alone suits TLS with both RSA and EC keys (ECDHE and TLS 1.3 never encrypt with the
// certificate's key), so the presets stay valid whatever key the CSR holds.
export const usagePresets: readonly UsagePreset[] = [
  {
    id: 'tls-server',
    label: 'TLS server',
    keyUsage: ['DIGITAL_SIGNATURE'],
    extendedKeyUsage: ['SERVER_AUTH'],
    certificateAuthority: false,
  },
  {
    id: 'tls-client',
    label: 'TLS client',
    keyUsage: ['DIGITAL_SIGNATURE'],
    extendedKeyUsage: ['CLIENT_AUTH'],
    certificateAuthority: false,
  },
  {
    id: 'code-signing',
    label: 'Code signing',
    keyUsage: ['DIGITAL_SIGNATURE'],
    extendedKeyUsage: ['CODE_SIGNING'],
    certificateAuthority: false,
  },
  {
    id: 'email-protection',
    label: 'E-mail protection (S/MIME)',
    keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
    extendedKeyUsage: ['EMAIL_PROTECTION'],
    certificateAuthority: false,
  },
  {
    id: 'intermediate-ca',
    label: 'Intermediate CA',
    keyUsage: ['DIGITAL_SIGNATURE', 'KEY_CERT_SIGN', 'CRL_SIGN'],
    extendedKeyUsage: [],
    certificateAuthority: true,
  },
];

export interface UsageChoice {
  keyUsage: KeyUsage[];
  extendedKeyUsage: ExtendedKeyUsage[];
  certificateAuthority: boolean;
  /** The CSR key's family ('RSA', 'EC', 'Ed25519'… or the TSB's 'ED'); null when unknown. */
  keyAlgorithm: string | null;
}

type Rule = (
  c: UsageChoice,
  ku: (u: KeyUsage) => boolean,
  eku: (u: ExtendedKeyUsage) => boolean,
) => string | false;

const rules: Rule[] = [
  (c, ku) =>
    c.certificateAuthority &&
    !ku('KEY_CERT_SIGN') &&
    'A CA certificate needs Certificate Sign to issue certificates',
  (c, ku) =>
    !c.certificateAuthority &&
    ku('KEY_CERT_SIGN') &&
    'Certificate Sign is meant for CA certificates, but the CA flag is off',
  (_, ku, eku) =>
    eku('SERVER_AUTH') &&
    !ku('DIGITAL_SIGNATURE') &&
    !ku('KEY_ENCIPHERMENT') &&
    'TLS server authentication needs Digital Signature (or Key Encipherment for RSA key exchange)',
  (_, ku, eku) =>
    eku('CLIENT_AUTH') && !ku('DIGITAL_SIGNATURE') && 'TLS client authentication needs Digital Signature',
  (_, ku, eku) => eku('CODE_SIGNING') && !ku('DIGITAL_SIGNATURE') && 'Code signing needs Digital Signature',
  (c, ku) =>
    isNonRsa(c.keyAlgorithm) &&
    (ku('KEY_ENCIPHERMENT') || ku('DATA_ENCIPHERMENT')) &&
    `Key and Data Encipherment do not apply to ${c.keyAlgorithm} keys, which cannot encrypt`,
  (c, ku) => c.keyAlgorithm === 'RSA' && ku('KEY_AGREEMENT') && 'Key Agreement does not apply to RSA keys',
  (_, ku) =>
    (ku('ENCIPHER_ONLY') || ku('DECIPHER_ONLY')) &&
    !ku('KEY_AGREEMENT') &&
    'Encipher Only and Decipher Only mean something only together with Key Agreement',
  (c, _, eku) =>
    !c.certificateAuthority &&
    eku('ANY_EXTENDED_KEY_USAGE') &&
    'Any Extended Key Usage lets an end-entity certificate be used for every purpose; choose the specific usages',
  (_, __, eku) =>
    eku('CODE_SIGNING') &&
    eku('SERVER_AUTH') &&
    'Code signing and TLS server authentication should not share a certificate (CA/Browser Forum)',
];

function isNonRsa(algorithm: string | null): boolean {
  return algorithm !== null && ['EC', 'ED', 'Ed25519', 'Ed448'].includes(algorithm);
}

/** Warnings about inconsistent usage choices, in a stable order; none of them blocks a request. */
export function keyUsageWarnings(choice: UsageChoice): string[] {
  const ku = (usage: KeyUsage) => choice.keyUsage.includes(usage);
  const eku = (usage: ExtendedKeyUsage) => choice.extendedKeyUsage.includes(usage);
  return rules.map((rule) => rule(choice, ku, eku)).filter((warning): warning is string => warning !== false);
}
