import { z } from 'zod';

// The shapes /api/audit speaks. Isomorphic: shared by the route handlers and the browser's query hooks.

export const auditOutcomes = ['success', 'failure', 'denied'] as const;

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item)).optional();

const day = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD, UTC) or an ISO instant; `to` days include the whole day. */
const instant = (endOfDay: boolean) =>
  z
    .string()
    .trim()
    .refine((v) => day.test(v) || !Number.isNaN(Date.parse(v)), 'A date (YYYY-MM-DD) or an ISO time')
    .transform((v) => {
      if (!day.test(v)) return new Date(v).toISOString();
      const start = new Date(`${v}T00:00:00.000Z`);
      return new Date(start.getTime() + (endOfDay ? 86_400_000 : 0)).toISOString();
    })
    .optional();

/** GET /api/audit (and /api/audit/export) query: filters, newest first by default, pages like /api/requests. */
export const auditListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** A dotted verb; also matches its sub-verbs ('request.submit' finds 'request.submit.intent'). */
  action: z.string().trim().max(100).optional(),
  /** An e-mail or user id, exactly. */
  actor: z.string().trim().max(256).optional(),
  /** e.g. 'request:<id>', exactly. */
  target: z.string().trim().max(300).optional(),
  outcome: commaList(z.enum(auditOutcomes)),
  /** Inclusive lower bound. */
  from: instant(false),
  /** Exclusive upper bound; a bare day counts in full. */
  to: instant(true),
  q: z.string().trim().max(200).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.object({
    userId: z.string().nullable(),
    email: z.string().nullable(),
    role: z.string().nullable(),
  }),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.string(),
  csrSha256: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
  /** 'hmac-sha256': `hash` is an HMAC under the server's audit key (docs/audit-log.md). */
  hashAlg: z.enum(['sha256', 'hmac-sha256']),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** forged: made without the key though marked keyed; downgraded: plain where the key should have been used. */
export const chainProblemKinds = [
  'altered',
  'missing',
  'reordered',
  'inserted',
  'truncated',
  'forged',
  'downgraded',
] as const;

export const chainProblemSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(chainProblemKinds),
  message: z.string(),
});
export type ChainProblem = z.infer<typeof chainProblemSchema>;

const headSchema = z.object({ seq: z.number().int(), hash: z.string() }).nullable();

/**
 * The records chained with HMAC-SHA-256 under AUDIT_HMAC_KEY: how many, the first one's seq, and whether
 * they were checked ('no_key': the verifier had no key; 'key_mismatch': its key matches none of them).
 * Absent for a log with no keyed record.
 */
export const keyedRecordsSchema = z.object({
  count: z.number().int(),
  from: z.number().int(),
  check: z.enum(['checked', 'no_key', 'key_mismatch']),
});
export type KeyedRecords = z.infer<typeof keyedRecordsSchema>;

/**
 * POST /api/audit/verify answer. `head` is the last record read, to compare with an off-box copy. Not ok
 * with no problems: keyed records that could not be checked (`keyed.check`), which is no proof either way.
 */
export const chainVerdictSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    count: z.number().int(),
    head: headSchema,
    keyed: keyedRecordsSchema.optional(),
  }),
  z.object({
    ok: z.literal(false),
    count: z.number().int(),
    head: headSchema,
    keyed: keyedRecordsSchema.optional(),
    problems: z.array(chainProblemSchema),
  }),
]);
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;

/** Intents older than a minute with no outcome (lib/audit/completeness.ts); they do not break the chain. */
export const openIntentSchema = z.object({ seq: z.number().int(), action: z.string(), at: z.iso.datetime() });

export const auditVerificationSchema = chainVerdictSchema.and(
  z.object({ openIntents: z.array(openIntentSchema) }),
);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
