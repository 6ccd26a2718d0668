// Who the demo approvers are. Kept apart from their keys so that tools naming an approver (the
// approve script) need not generate any.

export const demoApproverProfiles = [
  { id: 'alice', name: 'Alice Keller', algorithm: 'RSA' },
  { id: 'bruno', name: 'Bruno Meier', algorithm: 'RSA' },
  { id: 'chloe', name: 'Chloé Rossi', algorithm: 'EC' },
  { id: 'david', name: 'David Weber', algorithm: 'RSA' },
] as const;

export type DemoApproverId = (typeof demoApproverProfiles)[number]['id'];

export function isDemoApproverId(value: string): value is DemoApproverId {
  return demoApproverProfiles.some((profile) => profile.id === value);
}
