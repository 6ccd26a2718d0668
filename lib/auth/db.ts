import 'server-only';
import type { Kysely } from 'kysely';
import { getDb, type Database } from '@/lib/db';

// The tables sign-in reads directly, beside the ones better-auth manages through its own adapter. Times
// in better-auth's tables are ISO strings as its SQLite adapter writes them.

export type UserTable = {
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: number | null;
  twoFactorEnabled: number | null;
  createdAt: string;
  updatedAt: string;
};

export type SessionTable = {
  id: string;
  token: string;
  userId: string;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
};

export type SignInThrottleTable = {
  /** Lower-cased e-mail as typed, known account or not, so that probing unknown ones is slowed too. */
  email: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
};

export type ApiTokensTable = {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token, hex; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type PasswordChangeRequiredTable = {
  user_id: string;
  since: string;
};

export type TotpLastStepTable = {
  user_id: string;
  /** The TOTP time step (Unix time / period) of the last code accepted from this user. */
  step: number;
  accepted_at: string;
};

export type AuthTables = {
  user: UserTable;
  session: SessionTable;
  sign_in_throttle: SignInThrottleTable;
  api_tokens: ApiTokensTable;
  password_change_required: PasswordChangeRequiredTable;
  totp_last_step: TotpLastStepTable;
};

export type AuthDb = Kysely<Database & AuthTables>;

export async function getAuthDb(): Promise<AuthDb> {
  return (await getDb()).withTables<AuthTables>();
}
