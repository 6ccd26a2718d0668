import 'server-only';
import { z } from 'zod';
import { extendedKeyUsages, keyUsages, signatureAlgorithms } from '@/lib/pki/usages';
import { policySchema } from '@/lib/policy/schema';

// Shapes of the TSB REST API (../shared/tsb-api.md). Replies are parsed here; a reply that does not
// parse is an upstream fault, never trusted.

export const tsbErrorBodySchema = z.object({
  errorCode: z.number().int().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});

export const tsbRequestStatuses = [
  'PENDING',
  'APPROVED',
  'EXECUTED',
  'FAILED',
  'EXPIRED',
  'REJECTED',
  'CANCELLED',
] as const;
export type TsbRequestStatus = (typeof tsbRequestStatuses)[number];

export const keyLabelsSchema = z.array(z.string());

export const keyAttributesSchema = z.object({
  label: z.string(),
  algorithm: z.string(),
  algorithmOid: z.string().nullish(),
  curveOid: z.string().nullish(),
  keySize: z.number().int().nullish(),
  createTime: z.string().nullish(),
  publicKey: z.string().nullish(),
  attributes: z.object({ sign: z.boolean().nullish() }).loose().nullish(),
  policy: policySchema.nullish(),
});
export type KeyAttributes = z.infer<typeof keyAttributesSchema>;

export const signedKeyAttributesSchema = z.object({ json: keyAttributesSchema }).loose();

export const keyCertificateSchema = z.object({ label: z.string(), certificate: z.string() });

export const signCertificateFieldsSchema = z.object({
  signKeyName: z.string(),
  keyPassword: z.null(),
  signatureAlgorithm: z.enum(signatureAlgorithms),
  commonName: z.string(),
  certificateAuthority: z.boolean(),
  certificateSigningRequest: z.string(),
  keyUsage: z.array(z.enum(keyUsages)),
  extendedKeyUsage: z.array(z.enum(extendedKeyUsages)),
});
export type SignCertificateFields = z.infer<typeof signCertificateFieldsSchema>;

export const signRequestIdSchema = z.object({ signRequestId: z.string().min(1) });

export const syncCertificateSchema = z.object({ label: z.string(), certificate: z.string().min(1) });

export const requestStatusSchema = z.object({
  id: z.string(),
  status: z.enum(tsbRequestStatuses),
  executionTime: z.string().nullish(),
  approvedBy: z.array(z.string()).nullish(),
  notYetApprovedBy: z.array(z.string()).nullish(),
  rejectedBy: z.array(z.string()).nullish(),
  result: z.string().nullish(),
});
export type TsbRequestStatusDto = z.infer<typeof requestStatusSchema>;

export const filteredRequestsSchema = z.object({
  requests: z.array(z.object({ id: z.string(), status: z.enum(tsbRequestStatuses) })),
});

export const versionInfoSchema = z.record(z.string(), z.unknown());
