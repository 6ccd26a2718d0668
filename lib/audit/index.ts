import 'server-only';

export { audited, failureCode, type AuditedAction, type AuditResult } from './attempt';
export { anonymousActor, appendAuditRecord, auditActor, AuditUnavailableError, recordAudit } from './record';
export { exportAuditEvents, listAuditEvents, verifyAuditLog } from './service';
export type { AuditInput, AuditOutcome } from './types';
