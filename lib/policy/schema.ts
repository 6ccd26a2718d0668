import { z } from 'zod';

// The TSB's SKA policy shape (tsb-api.md §5): tokens are OR-ed, groups inside a token are AND-ed,
// each group needs `quorum` of its approvals. timelock/timeout are seconds from request creation.

export const approvalSchema = z.object({
  type: z.enum(['public_key', 'certificate', 'onboarded_approver_certificate']),
  name: z.string().nullish(),
  value: z.string().nullish(),
});

export const groupSchema = z.object({
  name: z.string(),
  quorum: z.number().int().min(0),
  approvals: z.array(approvalSchema),
});

export const tokenSchema = z.object({
  name: z.string(),
  timelock: z.number().int().min(0),
  timeout: z.number().int().min(0),
  groups: z.array(groupSchema).nullish(),
});

export const ruleSchema = z.object({ tokens: z.array(tokenSchema).nullish() });

export const policySchema = z.object({
  ruleUse: ruleSchema.nullish(),
  ruleBlock: ruleSchema.nullish(),
  ruleUnblock: ruleSchema.nullish(),
  ruleModify: ruleSchema.nullish(),
  keyStatus: z.object({ blocked: z.boolean() }).nullish(),
});

export type Approval = z.infer<typeof approvalSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Token = z.infer<typeof tokenSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Policy = z.infer<typeof policySchema>;
