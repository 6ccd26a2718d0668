import type { Policy, Rule } from '@/lib/policy';
import type { DemoApprover } from './approvers';
import { generateKeyMaterial, type CurveOid, type KeyAlgorithm, type KeyMaterial } from './crypto';
import { newKeyRecord } from './keys';
import { selfSignCertificate } from './pki';
import type { KeyRecord } from './state';

// The keys a fresh simulator holds: CA keys under several SKA policies, one without a policy, and a
// subordinate key without a certificate (for the CSR → sign → import round trip).

type Approvers = Record<DemoApprover['id'], DemoApprover>;

interface SeedKey {
  label: string;
  algorithm: KeyAlgorithm;
  size: number | CurveOid;
  ruleUse: ((approvers: Approvers) => Rule) | null;
  /** A self-signed CA certificate attached at start. */
  ca: boolean;
}

const approval = (approver: DemoApprover) => ({
  type: 'public_key' as const,
  name: approver.name,
  value: approver.publicKey,
});

const seedKeys: SeedKey[] = [
  {
    label: 'CA.approver.example',
    algorithm: 'RSA',
    size: 2048,
    ca: true,
    ruleUse: (a) => ({
      tokens: [
        {
          name: 'Approval',
          timelock: 0,
          timeout: 3600,
          groups: [{ name: 'Officers', quorum: 2, approvals: [a.alice, a.bruno, a.chloe].map(approval) }],
        },
      ],
    }),
  },
  {
    label: 'CA.timelock.example',
    algorithm: 'RSA',
    size: 2048,
    ca: true,
    ruleUse: (a) => ({
      tokens: [
        {
          name: 'Timelock',
          timelock: 120,
          timeout: 3600,
          groups: [{ name: 'Officers', quorum: 1, approvals: [a.alice, a.bruno].map(approval) }],
        },
      ],
    }),
  },
  {
    label: 'CA.ec.example',
    algorithm: 'EC',
    size: '1.2.840.10045.3.1.7',
    ca: true,
    ruleUse: (a) => ({
      tokens: [
        {
          name: 'Dual control',
          timelock: 0,
          timeout: 3600,
          groups: [
            { name: 'Security', quorum: 1, approvals: [approval(a.chloe)] },
            { name: 'Operations', quorum: 1, approvals: [approval(a.david)] },
          ],
        },
      ],
    }),
  },
  { label: 'CA.direct.example', algorithm: 'RSA', size: 2048, ca: true, ruleUse: null },
  { label: 'SUB.leaf.example', algorithm: 'RSA', size: 2048, ca: false, ruleUse: null },
];

// Key generation is the slow part of a start (RSA 2048), so the material is made once per process and
// shared by every simulator it creates; each simulator still gets its own records and certificates.
let seedMaterial: Promise<KeyMaterial[]> | undefined;

export function policyWith(ruleUse: Rule | null): Policy | null {
  return (
    ruleUse && {
      ruleUse,
      ruleBlock: null,
      ruleUnblock: null,
      ruleModify: null,
      keyStatus: { blocked: false },
    }
  );
}

export async function seedKeyRecords(approvers: readonly DemoApprover[], now: Date): Promise<KeyRecord[]> {
  seedMaterial ??= Promise.all(seedKeys.map((seed) => generateKeyMaterial(seed.algorithm, seed.size)));
  const materials = await seedMaterial;
  const byId = Object.fromEntries(approvers.map((approver) => [approver.id, approver])) as Approvers;
  return Promise.all(
    seedKeys.map(async (seed, i) => {
      const material = materials[i] as KeyMaterial;
      const record = newKeyRecord(seed.label, material, policyWith(seed.ruleUse?.(byId) ?? null), now);
      if (seed.ca) {
        const signatureAlgorithm = seed.algorithm === 'RSA' ? 'SHA256_WITH_RSA' : 'SHA256_WITH_ECDSA';
        const profile = {
          commonName: seed.label,
          certificateAuthority: true,
          keyUsage: ['KEY_CERT_SIGN', 'CRL_SIGN'] as const,
          signatureAlgorithm,
        } as const;
        // About ten years, like a CA certificate made with the TSB's selfsign endpoint.
        record.certificate = await selfSignCertificate(material, profile, now, 3650);
      }
      return record;
    }),
  );
}
