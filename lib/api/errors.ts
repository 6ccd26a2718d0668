import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { TsbError } from '@/lib/tsb';
import type { ApiErrorBody } from './dto';

// Our API's one error vocabulary: every non-2xx answer is `{ error: { code, message, issues? } }`.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Record<string, string[]>,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Field-keyed messages from a zod error, for forms to show next to their fields. */
export function issuesOf(error: z.ZodError): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'body';
    (issues[field] ??= []).push(issue.message);
  }
  return issues;
}

// What the TSB's documented error codes mean to someone using CertDesk.
const tsbCodeMessages: Record<number, [status: number, code: string, message: string]> = {
  628: [422, 'csr_rejected', 'The TSB refused the CSR: it is not a valid certificate signing request.'],
  607: [422, 'algorithm_not_supported', 'The signing key cannot produce the chosen signature algorithm.'],
  650: [404, 'key_not_found', 'The TSB does not know this key.'],
  651: [404, 'tsb_request_not_found', 'The TSB no longer knows this request.'],
  631: [
    502,
    'tsb_credential_refused',
    'The TSB refused CertDesk’s credential. Ask an administrator to check it.',
  ],
  401: [409, 'approval_required', 'This key has an approval policy; it cannot sign without approvals.'],
  402: [422, 'certificate_refused', 'The TSB refused the certificate: it does not belong to that key.'],
  626: [422, 'certificate_refused', 'The TSB could not read the certificate.'],
};

/**
 * The TSB's reason as a user may read it: only its documented machine codes ('res.error.…'). Free text
 * is never passed on, since an upstream may echo what it was sent, credential included.
 */
function reasonCode(reason: string | null): string {
  return reason && /^res\.error\.[\w.-]{1,120}$/.test(reason) ? ` (${reason})` : '';
}

function fromTsb(error: TsbError): ApiError {
  if (error.kind === 'timeout')
    return new ApiError(504, 'tsb_timeout', 'The TSB did not answer in time. Try again.');
  if (error.kind === 'network')
    return new ApiError(502, 'tsb_unreachable', 'The TSB cannot be reached right now.');
  if (error.kind === 'malformed')
    return new ApiError(502, 'tsb_bad_reply', 'The TSB gave an answer CertDesk does not understand.');
  if (error.status === 429) {
    const headers: Record<string, string> =
      error.retryAfterSeconds === null ? {} : { 'retry-after': String(error.retryAfterSeconds) };
    return new ApiError(503, 'tsb_busy', 'The TSB is busy right now. Try again shortly.', undefined, headers);
  }
  const known = error.errorCode === null ? undefined : tsbCodeMessages[error.errorCode];
  if (known) return new ApiError(...known);
  if (error.status !== null && error.status >= 500) {
    return new ApiError(502, 'tsb_error', 'The TSB failed to process the request.');
  }
  return new ApiError(422, 'tsb_refused', `The TSB refused the request${reasonCode(error.reason)}.`);
}

/** Maps any thrown value to an ApiError; unknown errors are logged with a correlation id, never echoed. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError)
    return new ApiError(400, 'invalid_input', 'The input is not valid.', issuesOf(error));
  if (error instanceof TsbError) return fromTsb(error);
  const correlationId = randomUUID();
  if (error instanceof ConfigError) console.error(`[${correlationId}] ${error.message}`);
  else console.error(`[${correlationId}] unhandled error`, error);
  return new ApiError(
    500,
    'internal_error',
    `Something went wrong on the server (reference ${correlationId}).`,
  );
}

export function errorResponse(error: ApiError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message, issues: error.issues } };
  return Response.json(body, {
    status: error.status,
    headers: { ...error.headers, 'cache-control': 'no-store' },
  });
}
