import { HttpResponse } from 'msw';

// The TSB's error vocabulary (tsb-api.md §7): a ReasonBasedExceptionDto body and an HTTP status derived
// from the error code.

export const reasons = {
  missingApproval: [401, 'res.error.missing.approval'],
  invalidCertificate: [402, 'res.error.invalid.certificate'],
  invalidSignature: [403, 'res.error.input.invalid.signature'],
  timestampOff: [404, 'res.error.input.timestamp.off'],
  invalidConstellation: [500, 'res.error.data.invalid.constellation'],
  invalidEnum: [501, 'res.error.invalid.value.for.enum'],
  validationFailed: [600, 'res.error.input.validation.failed'],
  algorithmNotSupported: [607, 'res.error.algorithm.not.supported.by.key'],
  keyExists: [608, 'res.error.key.already.existing'],
  unsupportedOperation: [611, 'res.error.unsupported.operation'],
  invalidKeyType: [613, 'res.error.invalid.key.type'],
  operationForbidden: [614, 'res.error.operation.forbidden.for.key'],
  certificateEncoding: [626, 'res.error.certificate.invalid.encoding'],
  csrFormat: [628, 'res.error.csr.invalid.format'],
  invalidApiKey: [631, 'res.error.invalid.api.key'],
  keyNotFound: [650, 'res.error.key.not.existent'],
  requestNotFound: [651, 'res.error.request.not.existent'],
  taskNotFound: [652, 'res.error.task.not.existent'],
} as const satisfies Record<string, readonly [number, string]>;

export type Reason = keyof typeof reasons;

/**
 * HTTP status for an error code, after the mapping tsb-api.md §7 gives for Securosys' Spring services
 * (631 → 401, 45x → 403, 65x → 404, other 4xx/6xx → 400), with one deliberate change: 5xx codes
 * (invalid constellation, bad enum value) describe bad input, so they answer 400, not 500, and a client
 * never mistakes them for an upstream fault. 1xx and 7xx (implementation, HSM, I/O) answer 500.
 */
export function httpStatusFor(errorCode: number): number {
  if (errorCode === 631) return 401;
  if (errorCode >= 450 && errorCode < 460) return 403;
  if (errorCode >= 650 && errorCode < 660) return 404;
  if (errorCode < 200 || errorCode >= 700) return 500;
  return 400;
}

export class TsbError extends Error {
  readonly errorCode: number;
  readonly reason: string;

  constructor(
    reason: Reason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    [this.errorCode, this.reason] = reasons[reason];
  }
}

/** Any failure inside a handler as the TSB would answer it. Unexpected errors become a generic 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof TsbError) {
    return HttpResponse.json(
      { errorCode: error.errorCode, reason: error.reason, message: error.message },
      { status: error.status ?? httpStatusFor(error.errorCode) },
    );
  }
  console.error('TSB simulator: unexpected error', error);
  return HttpResponse.json(
    { errorCode: 103, reason: 'res.error.general', message: 'Unexpected error in the simulator' },
    { status: 500 },
  );
}
