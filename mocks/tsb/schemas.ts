import { z } from 'zod';
import { extendedKeyUsages, keyUsages, signatureAlgorithms } from '@/lib/pki/usages';
import { policySchema, ruleSchema, tokenSchema } from '@/lib/policy/schema';

// Request bodies the simulator accepts (tsb-api.md §3–§6). Unknown fields are ignored, as Jackson does.

/** char[] in Java: an array of one-character strings, though a plain string is accepted too. */
const keyPassword = z.union([z.array(z.string().length(1)), z.string()]).nullish();
const base64 = z.string().regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64');

const certificateFields = {
  signKeyName: z.string().min(1),
  keyPassword,
  signatureAlgorithm: z.enum(signatureAlgorithms),
  commonName: z.string().min(1),
  certificateAuthority: z.boolean(),
  keyUsage: z.array(z.enum(keyUsages)).nullish(),
  extendedKeyUsage: z.array(z.enum(extendedKeyUsages)).nullish(),
};
const metaDataFields = { metaData: base64.nullish(), metaDataSignature: base64.nullish() };
const requestSignature = z
  .object({ signature: base64, digestAlgorithm: z.string(), publicKey: base64 })
  .nullish();

export const syncSignSchema = z.object({
  ...certificateFields,
  certificateSigningRequest: z.string().min(1),
});
export type CertificateSignFields = z.infer<typeof syncSignSchema>;

export const asyncSignSchema = z.object({
  signCertificateRequest: syncSignSchema.extend(metaDataFields),
  requestSignature,
});

const validity = z.number().int().min(1).max(36_500);
export const syncSelfSignSchema = z.object({ ...certificateFields, validity });
export type SelfSignFields = z.infer<typeof syncSelfSignSchema>;

export const asyncSelfSignSchema = z.object({
  selfSignCertificateRequest: syncSelfSignSchema.extend(metaDataFields),
  requestSignature,
});

const optionalText = z.string().nullish();
export const certificateRequestSchema = z.object({
  signKeyName: z.string().min(1),
  keyPassword,
  signatureAlgorithm: z.enum(signatureAlgorithms),
  validity,
  standardCertificateAttributes: z.object({
    commonName: z.string().min(1),
    country: optionalText,
    stateOrProvinceName: optionalText,
    locality: optionalText,
    organizationName: optionalText,
    organizationUnitName: optionalText,
    organizationIdentifier: optionalText,
    email: optionalText,
    title: optionalText,
    surname: optionalText,
    givenName: optionalText,
    initials: optionalText,
    pseudonym: optionalText,
    generationQualifier: optionalText,
  }),
  keyUsage: z.array(z.enum(keyUsages)).nullish(),
  extendedKeyUsage: z.array(z.enum(extendedKeyUsages)).nullish(),
});
export type CertificateRequestFields = z.infer<typeof certificateRequestSchema>;

export const importPlainSchema = z.object({ label: z.string().min(1), certificate: z.string().min(1) });

export const keyLabelSchema = z.object({ label: z.string().min(1), password: keyPassword });

// timelock and timeout must be multiples of 60 s (@DivisibleBy60 on the TSB's ModifyPolicyDto).
const divisibleBy60 = z
  .number()
  .int()
  .min(0)
  .refine((seconds) => seconds % 60 === 0, 'must be a multiple of 60 seconds');
const createRuleSchema = ruleSchema.extend({
  tokens: z.array(tokenSchema.extend({ timelock: divisibleBy60, timeout: divisibleBy60 })).nullish(),
});
const createPolicySchema = policySchema.extend({
  ruleUse: createRuleSchema.nullish(),
  ruleBlock: createRuleSchema.nullish(),
  ruleUnblock: createRuleSchema.nullish(),
  ruleModify: createRuleSchema.nullish(),
  keyStatus: z.object({ blocked: z.boolean() }),
});

export const createKeySchema = z.object({
  label: z.string().min(1).max(256),
  algorithm: z.string(),
  keySize: z.number().int().nullish(),
  curveOid: z.string().nullish(),
  attributes: z.record(z.string(), z.boolean().nullish()).nullish(),
  policy: createPolicySchema.nullish(),
});
export type CreateKeyFields = z.infer<typeof createKeySchema>;

export const requestStatusListSchema = z.object({
  requestStatusList: z
    .array(z.enum(['PENDING', 'APPROVED', 'EXECUTED', 'FAILED', 'EXPIRED', 'REJECTED', 'CANCELLED']))
    .nullish(),
});

export const digestAlgorithms = [
  'SHA-224',
  'SHA-256',
  'SHA-384',
  'SHA-512',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'EdDSA',
] as const;
export type DigestAlgorithm = (typeof digestAlgorithms)[number];

// ISO-8601 with seconds and a zone, as the TSB's ISO8601TimestampValidator accepts.
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** AuthenticatableRequestDto: the approver proves possession of its key by signing a fresh timestamp. */
export const timestampProofSchema = z.object({
  timestamp: z.string().regex(isoTimestamp, 'must be ISO-8601 with a zone, e.g. 2024-01-23T11:27:12Z'),
  timestampSignature: base64.min(1),
  timestampDigestAlgorithm: z.enum(digestAlgorithms),
  approverPublicKey: base64.nullish(),
  approverCertificate: base64.nullish(),
});
export type TimestampProof = z.infer<typeof timestampProofSchema>;

export const detailLevels = ['level1', 'level2', 'level3', 'level4', 'level5', 'level6'] as const;

export const filteredTasksSchema = timestampProofSchema.extend({
  id: z.string().nullish(),
  requestId: z.string().nullish(),
  detailLevel: z.enum(detailLevels).nullish(),
  paging: z
    .object({
      pageNumber: z.number().int().min(0),
      pageSize: z.number().int().min(1),
      sortOrder: z.enum([
        'CREATION_DATE_ASC',
        'CREATION_DATE_DESC',
        'LAST_FETCHED_DATE_ASC',
        'LAST_FETCHED_DATE_DESC',
      ]),
    })
    .nullish(),
});
export type TaskFilter = z.infer<typeof filteredTasksSchema>;

export const deleteTaskSchema = timestampProofSchema.extend({ id: z.string().min(1) });

export const sendApprovalSchema = z.object({
  id: z.string().min(1),
  approvalToBeSigned: base64.min(1),
  signature: base64.min(1),
  approvalDigestAlgorithm: z.enum(digestAlgorithms),
  approverPublicKey: base64.nullish(),
  approverCertificate: base64.nullish(),
});
export type SendApproval = z.infer<typeof sendApprovalSchema>;
