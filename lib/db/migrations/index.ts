import type { Migration, MigrationProvider } from 'kysely';
import * as registry from './0001-registry';
import * as requestListIndexes from './0002-request-list-indexes';
import * as auditLog from './0003-audit-log';
import * as accounts from './0004-accounts';
import * as passwordChange from './0005-password-change';
import * as totpLastStep from './0006-totp-last-step';
import * as auditHmac from './0007-audit-hmac';

// Migrations are listed here rather than read from a folder at run time: the server is bundled, so a
// folder scan would not find them. Names sort in the order they run; never rename or edit one that shipped.

const migrations: Record<string, Migration> = {
  '0001-registry': registry,
  '0002-request-list-indexes': requestListIndexes,
  '0003-audit-log': auditLog,
  '0004-accounts': accounts,
  '0005-password-change': passwordChange,
  '0006-totp-last-step': totpLastStep,
  '0007-audit-hmac': auditHmac,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
