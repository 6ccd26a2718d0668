import 'server-only';

export { audited, failureCode, type AuditedAction, type AuditResult } from './attempt';
export { anonymousActor, appendAuditRecord, auditActor, AuditUnavailableError, recordAudit } from './record';
export type { AuditInput, AuditOutcome } from './types';
