import { z } from 'zod';
import { extendedKeyUsages, keyUsages, signatureAlgorithms } from '@/lib/pki/usages';

// The shapes our own /api speaks. Shared by route handlers (parse input, shape output) and the
// browser (query hooks). Isomorphic: no server imports.

export const requestStatuses = [
  'SUBMITTING',
  'UNKNOWN',
  'PENDING',
  'APPROVED',
  'EXECUTED',
  'REJECTED',
  'EXPIRED',
  'CANCELLED',
  'FAILED',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const terminalStatuses: readonly RequestStatus[] = [
  'EXECUTED',
  'REJECTED',
  'EXPIRED',
  'CANCELLED',
  'FAILED',
];

/** POST /api/requests body. The server re-decodes and re-checks the CSR; the browser's preview is a courtesy. */
export const submitRequestSchema = z.object({
  csrPem: z
    .string()
    .min(1, 'Paste or upload a CSR')
    .max(16 * 1024, 'The CSR is larger than 16 KiB'),
  signKeyName: z.string().min(1, 'Choose a signing key').max(256),
  signatureAlgorithm: z.enum(signatureAlgorithms),
  commonName: z
    .string()
    .trim()
    .min(1, 'A common name is required')
    .max(64, 'At most 64 characters (RFC 5280 ub-common-name)'),
  certificateAuthority: z.boolean(),
  keyUsage: z.array(z.enum(keyUsages)).max(keyUsages.length),
  extendedKeyUsage: z.array(z.enum(extendedKeyUsages)).max(extendedKeyUsages.length),
  reason: z.string().trim().max(500, 'At most 500 characters').default(''),
});
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

/** POST /api/requests/{id}/import body. */
export const importCertificateSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'A key label is required')
    .max(256)
    .regex(/^[\w.@-]+$/, 'Letters, digits, dot, dash, underscore and @ only'),
});
export type ImportCertificate = z.infer<typeof importCertificateSchema>;

export const approverStateSchema = z.enum(['approved', 'rejected', 'awaited']);

export const approverViewSchema = z.object({
  name: z.string(),
  publicKey: z.string().nullable(),
  state: approverStateSchema,
});

export const groupViewSchema = z.object({
  name: z.string(),
  quorum: z.number(),
  approved: z.number(),
  rejected: z.number(),
  satisfied: z.boolean(),
  reachable: z.boolean(),
  approvers: z.array(approverViewSchema),
});

export const tokenViewSchema = z.object({
  name: z.string(),
  timelockSeconds: z.number(),
  timeoutSeconds: z.number(),
  satisfied: z.boolean(),
  reachable: z.boolean(),
  groups: z.array(groupViewSchema),
});

/** A key's use-policy, evaluated against a request's approvals (or with no approvals yet). */
export const approvalViewSchema = z.object({ tokens: z.array(tokenViewSchema) });
export type ApprovalView = z.infer<typeof approvalViewSchema>;
export type TokenView = z.infer<typeof tokenViewSchema>;
export type GroupView = z.infer<typeof groupViewSchema>;
export type ApproverView = z.infer<typeof approverViewSchema>;

export const keySummarySchema = z.object({
  label: z.string(),
  algorithm: z.string(),
  keySize: z.number().nullable(),
  curveOid: z.string().nullable(),
  canSign: z.boolean(),
  signatureAlgorithms: z.array(z.enum(signatureAlgorithms)),
  /** null: no SKA policy, the key signs synchronously. */
  policy: approvalViewSchema.nullable(),
  certificateSubject: z.string().nullable(),
});
export type KeySummary = z.infer<typeof keySummarySchema>;

export const requestErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** For `import_unknown`: the key label the import whose answer was lost was for. */
  label: z.string().optional(),
});
export type RequestError = z.infer<typeof requestErrorSchema>;

export const requestViewSchema = z.object({
  id: z.string(),
  tsbRequestId: z.string().nullable(),
  mode: z.enum(['sync', 'async']),
  status: z.enum(requestStatuses),
  signKeyName: z.string(),
  signatureAlgorithm: z.enum(signatureAlgorithms),
  commonName: z.string(),
  certificateAuthority: z.boolean(),
  keyUsage: z.array(z.enum(keyUsages)),
  extendedKeyUsage: z.array(z.enum(extendedKeyUsages)),
  reason: z.string(),
  csrPem: z.string(),
  csrSha256: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  executionTime: z.iso.datetime().nullable(),
  /** When the timelock ends / the request expires (ISO), from the key's policy; null when none applies. */
  timelockEndsAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  approval: approvalViewSchema.nullable(),
  certificatePem: z.string().nullable(),
  /** Differences between what was asked and what the TSB issued; empty when it matches. */
  resultMismatches: z.array(z.string()),
  importedLabel: z.string().nullable(),
  error: requestErrorSchema.nullable(),
  /** Who submitted it (a user once sign-in exists; null before). */
  requester: z.string().nullable(),
  /** Every status the request went through, oldest first. */
  history: z.array(
    z.object({ status: z.enum(requestStatuses), at: z.iso.datetime(), note: z.string().nullable() }),
  ),
  /** When the tracker last read the request from the TSB. */
  lastCheckedAt: z.iso.datetime().nullable(),
});
export type RequestView = z.infer<typeof requestViewSchema>;

const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  order: z.enum(['asc', 'desc']).default('desc'),
  q: z.string().trim().max(200).optional(),
};

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item)).optional();

/** GET /api/requests query: server-side filters, search (CN, ids, requester, key), sort and pages. */
export const requestListQuerySchema = z.object({
  ...pageFields,
  status: commaList(z.enum(requestStatuses)),
  key: z.string().trim().max(256).optional(),
  requester: z.string().trim().max(256).optional(),
  sort: z.enum(['createdAt', 'updatedAt', 'commonName', 'status', 'signKeyName']).default('createdAt'),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

export const requestPageSchema = z.object({
  requests: z.array(requestViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RequestPage = z.infer<typeof requestPageSchema>;

export const expiryStates = ['valid', 'expiring', 'expired', 'not-yet-valid'] as const;

/**
 * Whether an HSM key holds a certificate, as far as CertDesk knows (derived by lib/api/hsm-import.ts).
 * 'unknown': the TSB's answer to an import into `label` was lost, so that key may hold it or not;
 * `importedLabel` is where an earlier import was confirmed, if one was.
 */
export const hsmImportSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('imported'), label: z.string() }),
  z.object({ state: z.literal('not_imported') }),
  z.object({
    state: z.literal('unknown'),
    label: z.string().nullable(),
    importedLabel: z.string().nullable(),
  }),
]);
export type HsmImport = z.infer<typeof hsmImportSchema>;

/** A certificate CertDesk issued or imported, with its decoded summary. */
export const certificateSummarySchema = z.object({
  id: z.string(),
  source: z.enum(['issued', 'imported']),
  requestId: z.string().nullable(),
  signKeyName: z.string().nullable(),
  /** The label an import was confirmed under; null is not "not imported": read `hsmImport`. */
  importedLabel: z.string().nullable(),
  hsmImport: hsmImportSchema,
  serialHex: z.string(),
  subject: z.string(),
  issuer: z.string(),
  commonName: z.string().nullable(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  /** 'expiring' = valid but ending within 30 days. */
  expiry: z.enum(expiryStates),
  sha256Fingerprint: z.string(),
  createdAt: z.iso.datetime(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

/** GET /api/certificates query (and /api/certificates/export?format=csv|json with the same filters). */
export const certificateListQuerySchema = z.object({
  ...pageFields,
  expiry: commaList(z.enum(expiryStates)),
  key: z.string().trim().max(256).optional(),
  sort: z.enum(['notAfter', 'notBefore', 'commonName', 'createdAt']).default('notAfter'),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

export const certificatePageSchema = z.object({
  certificates: z.array(certificateSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CertificatePage = z.infer<typeof certificatePageSchema>;

/** GET /api/reconciliation: what CertDesk and the TSB disagree about. */
export const reconciliationSchema = z.object({
  /** Open requests on the TSB that CertDesk has no record of; null when the TSB's list was not read in time. */
  untracked: z.array(z.object({ tsbRequestId: z.string(), status: z.string() })).nullable(),
  /** CertDesk requests whose submission outcome is not known yet. */
  unknown: z.array(requestViewSchema),
  checkedAt: z.iso.datetime(),
  /**
   * False when the user's deadline (USER_DEADLINE_MS) ended the pass early: what it settled by then is
   * shown, and the rest is left for the next pass.
   */
  complete: z.boolean(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

/** GET /api/tracker: whether this server's tracker keeps up with the open requests (lib/tracker/status.ts). */
export const trackerStatusSchema = z.object({
  /** False when this server process follows no request (TRACKER_ENABLED=false). */
  running: z.boolean(),
  /** The read budget per second; null without one. */
  readsPerSecond: z.number().int().nullable(),
  reads: z.number().int(),
  deferred: z.number().int(),
  /** Due requests the last cycle left waiting for the budget: 0 while it keeps up. */
  waiting: z.number().int(),
  following: z.number().int(),
  /** How long ago the stalest followed request was last read. */
  stalestMs: z.number(),
  longestGapMs: z.number(),
});
export type TrackerStatus = z.infer<typeof trackerStatusSchema>;

/** Server-Sent Events on GET /api/events: `event: request`, data = a RequestView, whenever one changes. */
export const requestEventSchema = requestViewSchema;

/** Error body of every non-2xx /api answer. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
