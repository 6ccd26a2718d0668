import type { KeyObject } from 'node:crypto';
import type { PublicKey, X509Certificate } from '@peculiar/x509';
import type { Policy, Rule } from '@/lib/policy';
import type { DemoApprover } from './approvers';
import type { KeyMaterial } from './crypto';
import type { CertificateProfile } from './pki';

// The simulated HSM's state: keys, asynchronous requests and their approval tasks. All in memory.

export const requestStatuses = [
  'PENDING',
  'APPROVED',
  'EXECUTED',
  'FAILED',
  'EXPIRED',
  'REJECTED',
  'CANCELLED',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const finalStatuses: ReadonlySet<RequestStatus> = new Set([
  'EXECUTED',
  'FAILED',
  'EXPIRED',
  'REJECTED',
  'CANCELLED',
]);

/** ISO-8601 UTC to the second, as the TSB writes times (e.g. 2024-01-23T11:27:12Z). */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface KeyRecord {
  label: string;
  material: KeyMaterial;
  createTime: Date;
  attributes: Record<string, boolean | null>;
  policy: Policy | null;
  certificate: X509Certificate | null;
}

/** What an approved request does once released. */
export type Operation =
  | { type: 'signCertificate'; subjectKey: PublicKey; profile: CertificateProfile }
  | { type: 'selfSign'; profile: CertificateProfile; validityDays: number };

export interface TaskRecord {
  id: string;
  approverName: string;
  /** Base64 DER SPKI of the approver this task waits for. */
  approverKey: string;
  /** The one approvalToBeSigned of this task. */
  token: Uint8Array;
  createdAt: Date;
  lastFetchedAt: Date | null;
  decision: { kind: 'approved' | 'rejected'; at: Date } | null;
}

export interface RequestRecord {
  id: string;
  keyLabel: string;
  operation: Operation;
  /** The key's use rule when the request was made. */
  rule: Rule | null;
  createdAt: Date;
  status: RequestStatus;
  /** When quorum was first reached. */
  approvedAt: Date | null;
  executionTime: Date | null;
  result: string | null;
  tasks: TaskRecord[];
  metaData: string | null;
  metaDataSignature: string | null;
  /** The body as received, shown to approvers at detail level 3 under `bodyField`. */
  body: unknown;
  bodyField: 'signedSignCertificateRequest' | 'signedSelfSignCertificateRequestDto';
  /** Set while the request executes, so that concurrent reads do not execute it twice. */
  settling: Promise<void> | null;
}

export interface Credentials {
  apiKey?: string;
  bearerToken?: string;
}

export interface Simulator {
  readonly keys: Map<string, KeyRecord>;
  readonly requests: Map<string, RequestRecord>;
  readonly approvers: readonly DemoApprover[];
  readonly credentials: Credentials;
  /** Signs the key attribute XML, as the HSM's attestation key does. */
  readonly attestationKey: KeyObject;
  /** The simulator's clock: the injected `now` plus whatever `advance` added. */
  now(): Date;
  /** Moves the clock forward, e.g. past a timelock or a timeout. */
  advance(seconds: number): void;
  /** Counts a call of an endpoint, e.g. 'POST /v1/certificate/sign'. */
  count(endpoint: string): void;
  /** Calls per endpoint since start or the last reset. */
  stats(): Record<string, number>;
  /** Sets the call counters back to zero; keys and requests stay. */
  reset(): void;
}
