// One audit record as services hand it to the log. Isomorphic types; the writer is server-only.

export type AuditOutcome = 'success' | 'failure' | 'denied';

export type AuditInput = {
  /** null for anonymous (e.g. a failed sign-in of an unknown e-mail, a denied anonymous call). */
  actor: { userId: string | null; email: string | null; role: string | null };
  /** Dotted verb, e.g. 'auth.sign_in', 'request.submit', 'request.cancel', 'certificate.import', 'authz.denied'. */
  action: string;
  /** What it was done to, e.g. 'request:<id>', 'user:<id>'; null when nothing in particular. */
  target: string | null;
  outcome: AuditOutcome;
  csrSha256?: string | null;
  /** Small JSON-serialisable facts (never secrets, never full PEMs). */
  details?: Record<string, unknown>;
};
