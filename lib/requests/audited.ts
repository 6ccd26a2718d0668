import 'server-only';
import type { RequestView, SubmitRequest } from '@/lib/api/dto';
import { audited, auditActor, type AuditInput } from '@/lib/audit';
import type { Actor } from '@/lib/auth/types';
import { readPemOrDer, sha256Hex } from '@/lib/pki';
import * as actions from './actions';
import { findRequest } from './store';
import { submitRequest as submit } from './submit';

// The request services as routes call them: each state change and download is audited as an intent
// before it acts and an outcome after (lib/audit/attempt.ts), so nothing reaches the TSB unless its
// intent is on record. `actor` is the signed-in caller; tools and tests may leave it out (anonymous).

type Caller = Actor | null | undefined;

/** The CSR's SHA-256 as the registry stores it (over the DER), or null when the input is not one. */
async function csrDigest(csrPem: string): Promise<string | null> {
  const read = readPemOrDer(csrPem);
  return read.ok ? sha256Hex(read.der) : null;
}

async function onRequest(
  action: string,
  id: string,
  actor: Caller,
  details?: Record<string, unknown>,
): Promise<Omit<AuditInput, 'outcome'>> {
  const found = await findRequest(id);
  return {
    actor: auditActor(actor),
    action,
    target: `request:${id}`,
    csrSha256: found?.csrSha256 ?? null,
    details,
  };
}

/**
 * submit.ts's submitRequest, audited as 'request.submit'. The intent has no target yet (the request id
 * is made while submitting); the outcome names it, and both carry the same `attempt`. `by` is the
 * signed-in actor, or for tools a requester e-mail alone.
 */
export async function submitRequest(
  input: SubmitRequest,
  idempotencyKey: string,
  by: Actor | string | null = null,
): Promise<{ request: RequestView; replayed: boolean }> {
  const actor = typeof by === 'string' ? { userId: null, email: by, role: null } : auditActor(by);
  const requester = typeof by === 'string' ? by : (by?.email ?? null);
  const details = { commonName: input.commonName, signKeyName: input.signKeyName };
  return audited(
    { actor, action: 'request.submit', target: null, csrSha256: await csrDigest(input.csrPem), details },
    () => submit(input, idempotencyKey, requester),
    ({ request, replayed }) => ({
      target: `request:${request.id}`,
      details: { status: request.status, replayed, tsbRequestId: request.tsbRequestId },
    }),
  );
}

/** actions.ts's cancelRequest, audited as 'request.cancel'. */
export async function cancelRequest(id: string, actor?: Caller): Promise<RequestView> {
  return audited(
    await onRequest('request.cancel', id, actor),
    () => actions.cancelRequest(id),
    (view) => ({ details: { status: view.status } }),
  );
}

/** actions.ts's importCertificate, audited as 'certificate.import'. */
export async function importCertificate(id: string, label: string, actor?: Caller): Promise<RequestView> {
  return audited(await onRequest('certificate.import', id, actor, { label }), () =>
    actions.importCertificate(id, label),
  );
}

/** actions.ts's certificateFile, audited as 'certificate.download'. */
export async function certificateFile(
  id: string,
  format: 'pem' | 'der',
  actor?: Caller,
): ReturnType<typeof actions.certificateFile> {
  return audited(await onRequest('certificate.download', id, actor, { format }), () =>
    actions.certificateFile(id, format),
  );
}
