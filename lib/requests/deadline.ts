import 'server-only';
import { getConfig } from '@/lib/config';
import { TsbError } from '@/lib/tsb';

// SECURITY.md row 31: every user-facing action answers within 15 s. Each action runs all of its TSB calls
// under one signal made here; lib/tsb ends each call at the earlier of it and TSB_TIMEOUT_MS.

/** The one time limit of a user's action: USER_DEADLINE_MS from now. */
export function userDeadline(): AbortSignal {
  return AbortSignal.timeout(getConfig().tsb.userDeadlineMs);
}

/**
 * Whether a failed call that asked the TSB to change something may still have been acted on: no answer
 * (timeout, reset), an answer we could not read, or a server-side error. Only a definite refusal (4xx)
 * proves it was not.
 */
export function outcomeUnknown(error: unknown): error is TsbError {
  if (!(error instanceof TsbError)) return false;
  return error.kind !== 'http' || (error.status !== null && error.status >= 500);
}
