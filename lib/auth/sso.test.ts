import { describe, expect, it } from 'vitest';
import { roleFromClaim } from './roles';
import { roleForProfile } from './sso';

describe('role from the identity provider’s claim', () => {
  it('maps a single role name, whatever its case and spacing', () => {
    expect(roleFromClaim({ certdesk_role: 'auditor' }, 'certdesk_role')).toBe('auditor');
    expect(roleFromClaim({ certdesk_role: ' Officer ' }, 'certdesk_role')).toBe('officer');
  });

  it('reads the configured claim only', () => {
    expect(roleFromClaim({ certdesk_role: 'admin', groups: ['operator'] }, 'groups')).toBe('operator');
    expect(roleFromClaim({ role: 'admin' }, 'certdesk_role')).toBeNull();
  });

  it('accepts a list naming exactly one CertDesk role, ignoring other groups', () => {
    expect(roleFromClaim({ groups: ['staff', 'operator', 'vpn'] }, 'groups')).toBe('operator');
    expect(roleFromClaim({ groups: ['operator', 'operator'] }, 'groups')).toBe('operator');
  });

  it('grants nothing for a missing, unknown, ambiguous or non-text claim', () => {
    for (const value of [undefined, null, '', 'superuser', ['operator', 'admin'], 42, { role: 'admin' }]) {
      expect(roleFromClaim({ certdesk_role: value }, 'certdesk_role'), JSON.stringify(value)).toBeNull();
    }
  });

  it('refuses sign-in when the profile grants no role', () => {
    expect(roleForProfile({ certdesk_role: 'auditor' }, 'certdesk_role')).toBe('auditor');
    expect(() => roleForProfile({ certdesk_role: 'root' }, 'certdesk_role')).toThrow(
      /grants no CertDesk role/,
    );
  });
});
