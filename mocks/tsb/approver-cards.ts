import 'reflect-metadata';
import { Pkcs10CertificateRequest } from '@peculiar/x509';
import { z } from 'zod';
import { fromBase64 } from '@/lib/pki/bytes';
import type { ApprovalTask } from './approver-client';

// What an approver sees of a task: read from the level 3 task the TSB hands out, as the real
// Authorization App does, never from the simulator's internal state.

export interface TaskCard {
  taskId: string;
  requestId: string;
  title: string;
  keyLabel: string;
  commonName: string;
  signatureAlgorithm: string;
  certificateAuthority: boolean;
  keyUsage: string[];
  extendedKeyUsage: string[];
  validityDays: number | null;
  reason: string | null;
  /** The rest of the requester's metaData, pretty-printed JSON (or its text when it is not JSON). */
  metaData: string | null;
  csr: { subject: string; publicKey: string } | null;
}

const fields = z.looseObject({
  signKeyName: z.string(),
  commonName: z.string(),
  signatureAlgorithm: z.string(),
  certificateAuthority: z.boolean(),
  keyUsage: z.array(z.string()).nullish(),
  extendedKeyUsage: z.array(z.string()).nullish(),
  certificateSigningRequest: z.string().nullish(),
  validity: z.number().nullish(),
});
const level3 = z.looseObject({
  signedSignCertificateRequest: z.object({ signCertificateRequest: fields }).nullish(),
  signedSelfSignCertificateRequestDto: z.object({ selfSignCertificateRequest: fields }).nullish(),
});

function readMetaData(metaData: string | null | undefined): Pick<TaskCard, 'reason' | 'metaData'> {
  if (!metaData) return { reason: null, metaData: null };
  const bytes = fromBase64(metaData);
  const text = bytes ? new TextDecoder().decode(bytes) : metaData;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { reason: null, metaData: text };
    const { reason, ...rest } = parsed as Record<string, unknown>;
    const others = Object.keys(rest).length > 0 ? JSON.stringify(rest, null, 2) : null;
    return { reason: typeof reason === 'string' ? reason : null, metaData: others };
  } catch {
    return { reason: null, metaData: text };
  }
}

function describeCsr(pem: string | null | undefined): TaskCard['csr'] {
  if (!pem) return null;
  try {
    const csr = new Pkcs10CertificateRequest(pem);
    const algorithm = csr.publicKey.algorithm as {
      name: string;
      modulusLength?: number;
      namedCurve?: string;
    };
    const publicKey = algorithm.modulusLength
      ? `RSA ${algorithm.modulusLength} bit`
      : algorithm.namedCurve
        ? `EC ${algorithm.namedCurve}`
        : algorithm.name;
    return { subject: csr.subject || '(empty)', publicKey };
  } catch {
    return { subject: 'The CSR could not be decoded', publicKey: '–' };
  }
}

export function taskCard(task: ApprovalTask): TaskCard {
  const detail = level3.safeParse(task).data ?? {};
  const sign = detail.signedSignCertificateRequest?.signCertificateRequest;
  const request = sign ?? detail.signedSelfSignCertificateRequestDto?.selfSignCertificateRequest;
  return {
    taskId: task.id,
    requestId: task.requestId ?? 'unknown',
    title: sign ? 'Sign a certificate request' : 'Generate a self-signed certificate',
    keyLabel: request?.signKeyName ?? 'unknown',
    commonName: request?.commonName ?? 'unknown',
    signatureAlgorithm: request?.signatureAlgorithm ?? 'unknown',
    certificateAuthority: request?.certificateAuthority ?? false,
    keyUsage: request?.keyUsage ?? [],
    extendedKeyUsage: request?.extendedKeyUsage ?? [],
    validityDays: request?.validity ?? null,
    ...readMetaData(task.metaData),
    csr: describeCsr(sign?.certificateSigningRequest),
  };
}
