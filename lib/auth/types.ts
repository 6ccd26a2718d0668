// Who is asking: the shape every authorization decision and audit record reads. Isomorphic.

export const roles = ['operator', 'officer', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  operator: 'Operator',
  officer: 'Security officer',
  auditor: 'Auditor',
  admin: 'Administrator',
};

export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** How this request was authenticated: a browser session or a personal API token. */
  via: 'session' | 'token';
  /** When the user last proved who they are (for fresh-authentication checks); ISO. */
  authenticatedAt: string;
};
