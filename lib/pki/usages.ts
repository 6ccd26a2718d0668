// The TSB's certificate enums (tsb-api.md §3) and what each means in X.509 terms.
// Pure and isomorphic: the form's checkboxes, the TSB schemas and the result check all read these.

export const keyUsages = [
  'DIGITAL_SIGNATURE',
  'CONTENT_COMMITMENT',
  'KEY_ENCIPHERMENT',
  'DATA_ENCIPHERMENT',
  'KEY_AGREEMENT',
  'KEY_CERT_SIGN',
  'CRL_SIGN',
  'ENCIPHER_ONLY',
  'DECIPHER_ONLY',
] as const;
export type KeyUsage = (typeof keyUsages)[number];

/** Bit of each key usage in the X.509 KeyUsage BIT STRING (RFC 5280 §4.2.1.3). */
export const keyUsageBits: Record<KeyUsage, number> = {
  DIGITAL_SIGNATURE: 0,
  CONTENT_COMMITMENT: 1,
  KEY_ENCIPHERMENT: 2,
  DATA_ENCIPHERMENT: 3,
  KEY_AGREEMENT: 4,
  KEY_CERT_SIGN: 5,
  CRL_SIGN: 6,
  ENCIPHER_ONLY: 7,
  DECIPHER_ONLY: 8,
};

export const keyUsageLabels: Record<KeyUsage, string> = {
  DIGITAL_SIGNATURE: 'Digital Signature',
  CONTENT_COMMITMENT: 'Non Repudiation',
  KEY_ENCIPHERMENT: 'Key Encipherment',
  DATA_ENCIPHERMENT: 'Data Encipherment',
  KEY_AGREEMENT: 'Key Agreement',
  KEY_CERT_SIGN: 'Certificate Sign',
  CRL_SIGN: 'CRL Sign',
  ENCIPHER_ONLY: 'Encipher Only',
  DECIPHER_ONLY: 'Decipher Only',
};

export const extendedKeyUsages = [
  'ANY_EXTENDED_KEY_USAGE',
  'SERVER_AUTH',
  'CLIENT_AUTH',
  'CODE_SIGNING',
  'EMAIL_PROTECTION',
  'TIME_STAMPING',
  'OCSP_SIGNING',
] as const;
export type ExtendedKeyUsage = (typeof extendedKeyUsages)[number];

export const extendedKeyUsageOids: Record<ExtendedKeyUsage, string> = {
  ANY_EXTENDED_KEY_USAGE: '2.5.29.37.0',
  SERVER_AUTH: '1.3.6.1.5.5.7.3.1',
  CLIENT_AUTH: '1.3.6.1.5.5.7.3.2',
  CODE_SIGNING: '1.3.6.1.5.5.7.3.3',
  EMAIL_PROTECTION: '1.3.6.1.5.5.7.3.4',
  TIME_STAMPING: '1.3.6.1.5.5.7.3.8',
  OCSP_SIGNING: '1.3.6.1.5.5.7.3.9',
};

export const extendedKeyUsageLabels: Record<ExtendedKeyUsage, string> = {
  ANY_EXTENDED_KEY_USAGE: 'Any Extended Key Usage',
  SERVER_AUTH: 'TLS Web Server Authentication',
  CLIENT_AUTH: 'TLS Web Client Authentication',
  CODE_SIGNING: 'Code Signing',
  EMAIL_PROTECTION: 'E-mail Protection',
  TIME_STAMPING: 'Time Stamping',
  OCSP_SIGNING: 'OCSP Signing',
};

export const signatureAlgorithms = [
  'SHA224_WITH_RSA',
  'SHA256_WITH_RSA',
  'SHA384_WITH_RSA',
  'SHA512_WITH_RSA',
  'SHA256_WITH_ECDSA',
  'SHA384_WITH_ECDSA',
  'SHA512_WITH_ECDSA',
] as const;
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number];

/** Signature algorithms a CA key of this family can produce. */
export function signatureAlgorithmsFor(keyAlgorithm: string): SignatureAlgorithm[] {
  if (keyAlgorithm === 'RSA') return signatureAlgorithms.filter((a) => a.endsWith('_WITH_RSA'));
  if (keyAlgorithm === 'EC') return signatureAlgorithms.filter((a) => a.endsWith('_WITH_ECDSA'));
  return [];
}
