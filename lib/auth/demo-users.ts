import type { Role } from './types';

// The demo's accounts, one per role. Demo mode only: the sign-in page shows these credentials, so they
// protect nothing and must never exist outside a loopback demo.

export const demoPassword = 'demo-password-1234';

export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: 'operator@demo.certdesk', name: 'Olivia Operator', role: 'operator' },
  { email: 'officer@demo.certdesk', name: 'Oscar Officer', role: 'officer' },
  { email: 'auditor@demo.certdesk', name: 'Audrey Auditor', role: 'auditor' },
  { email: 'admin@demo.certdesk', name: 'Adam Admin', role: 'admin' },
];
