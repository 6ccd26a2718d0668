import 'server-only';

export { anonymousActor, appendAuditRecord, auditActor, recordAudit } from './record';
export type { AuditInput, AuditOutcome } from './types';
