import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { toBase64 } from '@/lib/pki/bytes';
import { demoApproverProfiles, type DemoApproverId } from './approver-profiles';

// The demo approvers' key pairs, made once per process: they stand for the officers' phones, so the
// simulator (its approver page) and test helpers can act as them. Keys are fresh on every start.

export interface DemoApprover {
  id: DemoApproverId;
  name: string;
  algorithm: 'RSA' | 'EC';
  /** Base64 DER SubjectPublicKeyInfo, as it appears in key policies and in approvedBy/rejectedBy. */
  publicKey: string;
  privateKey: KeyObject;
}

const generate = promisify(generateKeyPair);

async function makeApprover(profile: (typeof demoApproverProfiles)[number]): Promise<DemoApprover> {
  const pair =
    profile.algorithm === 'RSA'
      ? await generate('rsa', { modulusLength: 2048 })
      : await generate('ec', { namedCurve: 'prime256v1' });
  const publicKey = toBase64(pair.publicKey.export({ type: 'spki', format: 'der' }));
  return { ...profile, publicKey, privateKey: pair.privateKey };
}

export const demoApprovers: readonly DemoApprover[] = await Promise.all(
  demoApproverProfiles.map(makeApprover),
);

export function demoApprover(id: DemoApproverId): DemoApprover {
  const approver = demoApprovers.find((candidate) => candidate.id === id);
  if (!approver) throw new Error(`unknown demo approver ${id}`);
  return approver;
}
