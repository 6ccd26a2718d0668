import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { actOnTask, type ApprovalTask, type ApproverSession } from './approver-client';
import { demoApprover } from './approvers';
import type { DemoApproverId } from './approver-profiles';
import { DEMO_API_KEY } from './simulator';
import type { Simulator } from './state';

// Helpers for tests that talk to the simulator through fetch (setupServer intercepts http://tsb.test).
// Free of any test runner, so Vitest specs and Playwright fixtures can both use them.

export const TSB_TEST_BASE_URL = 'http://tsb.test';

/** Headers of a dashboard call with the default credential. */
export const tsbHeaders = {
  'content-type': 'application/json',
  accept: 'application/json',
  'x-api-key': DEMO_API_KEY,
};

/**
 * A CSR made by the simulated HSM for one of its own keys (default SUB.leaf.example), so that the
 * certificate issued for it can be imported back into that key.
 */
export async function hsmCsr(keyName = 'SUB.leaf.example', baseUrl = TSB_TEST_BASE_URL): Promise<string> {
  const reply = await fetch(`${baseUrl}/v1/certificate/synchronous/request`, {
    method: 'POST',
    headers: tsbHeaders,
    body: JSON.stringify({
      signKeyName: keyName,
      keyPassword: null,
      signatureAlgorithm: 'SHA256_WITH_RSA',
      validity: 365,
      standardCertificateAttributes: { commonName: keyName },
    }),
  });
  return ((await reply.json()) as { certificateSigningRequest: string }).certificateSigningRequest;
}

export interface CsrOptions {
  /** Key of the CSR: EC P-256 (default, fast) or RSA 2048. */
  algorithm?: 'EC' | 'RSA';
  /** Use these keys instead of fresh ones. */
  keys?: CryptoKeyPair;
}

/** A PEM CSR ("CERTIFICATE REQUEST" armor) for CN=commonName, signed by its own fresh key. */
export async function makeCsr(commonName: string, options: CsrOptions = {}): Promise<string> {
  return (await makeCsrWithKeys(commonName, options)).pem;
}

export async function makeCsrWithKeys(commonName: string, options: CsrOptions = {}) {
  const rsa = options.algorithm === 'RSA';
  const algorithm = rsa
    ? {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      }
    : { name: 'ECDSA', namedCurve: 'P-256' };
  const keys = options.keys ?? (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']));
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: new x509.Name([{ CN: [{ utf8String: commonName }] }]),
    keys,
    signingAlgorithm: { name: keys.privateKey.algorithm.name, hash: 'SHA-256' },
  });
  return { pem: csr.toString('pem'), keys, csr };
}

/** The session of a demo approver against the simulator, for tests that drive the protocol step by step. */
export function approverSession(
  sim: Simulator,
  approverId: DemoApproverId,
  baseUrl = TSB_TEST_BASE_URL,
): ApproverSession {
  return {
    send: (request) => fetch(request),
    baseUrl,
    approver: demoApprover(approverId),
    now: () => sim.now(),
  };
}

/**
 * Approves a request as a demo approver through the real protocol over fetch: signed timestamp to find the
 * task, signature over its approvalToBeSigned, POST /v1/approval. Throws ApproverCallError when refused.
 */
export function approveAs(
  sim: Simulator,
  approverId: DemoApproverId,
  requestId: string,
  baseUrl = TSB_TEST_BASE_URL,
): Promise<ApprovalTask> {
  return actOnTask(approverSession(sim, approverId, baseUrl), { requestId }, 'approve');
}

/** Rejects (deletes the task of) a request as a demo approver, with a signed timestamp. */
export function rejectAs(
  sim: Simulator,
  approverId: DemoApproverId,
  requestId: string,
  baseUrl = TSB_TEST_BASE_URL,
): Promise<ApprovalTask> {
  return actOnTask(approverSession(sim, approverId, baseUrl), { requestId }, 'reject');
}

/** Body of POST /v1/certificate/sign for a CSR; `fields` override the defaults. */
export function signCertificateBody(
  signKeyName: string,
  certificateSigningRequest: string,
  fields: Record<string, unknown> = {},
) {
  return {
    signCertificateRequest: {
      signKeyName,
      keyPassword: null,
      signatureAlgorithm: 'SHA256_WITH_RSA',
      commonName: 'leaf.example',
      certificateAuthority: false,
      certificateSigningRequest,
      keyUsage: ['DIGITAL_SIGNATURE'],
      extendedKeyUsage: ['SERVER_AUTH'],
      metaData: btoa(JSON.stringify({ reason: 'test', app: 'CertDesk' })),
      metaDataSignature: null,
      ...fields,
    },
    requestSignature: null,
  };
}

export { ApproverCallError } from './approver-client';
