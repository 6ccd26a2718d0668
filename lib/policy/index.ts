export { approverOf, evaluateApproval, isApproved, isRejected, policyApproverKeys } from './evaluate';
export type { ApprovalState, PolicyApprover } from './evaluate';
export { approvalDeadlines } from './deadlines';
export type { ApprovalDeadlines } from './deadlines';
export * from './schema';
