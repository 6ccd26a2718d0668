import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { TsbError } from '@/lib/tsb';
import { recordAudit } from './record';
import type { AuditInput, AuditOutcome } from './types';

// Intent and outcome (SECURITY.md requirement 9, row 33): an audited action writes two records that
// share a random `attempt` id in their details:
//   '<action>.intent'  before anything is acted on (outcome 'success': the attempt was logged and may go
//                      on); when it cannot be written, the action is refused;
//   '<action>'         after, with outcome 'success', 'failure' or 'denied' and what came of it.
// An intent without its outcome means the process stopped, or the log failed, in between.

export type AuditedAction = Omit<AuditInput, 'outcome'>;
/** What the outcome record adds: a target found only by acting (a new request's id), more details. */
export type AuditResult = { target?: string | null; details?: Record<string, unknown> };

/** A short, secret-free code for why an action failed. */
export function failureCode(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  if (error instanceof TsbError)
    return error.errorCode === null ? `tsb_${error.kind}` : `tsb_${error.errorCode}`;
  if (error instanceof z.ZodError) return 'invalid_input';
  return 'internal_error';
}

function outcomeOf(error: unknown): AuditOutcome {
  return error instanceof ApiError && (error.status === 401 || error.status === 403) ? 'denied' : 'failure';
}

/**
 * Runs `act` between an intent record and an outcome record. Throws without acting when the intent
 * cannot be written; rethrows `act`'s error after recording it as the outcome; throws when the outcome
 * of a successful action cannot be written (the action happened, but nobody is told it went well
 * without a record of it).
 */
export async function audited<T>(
  action: AuditedAction,
  act: () => Promise<T>,
  describe?: (result: T) => AuditResult,
): Promise<T> {
  const attempt = randomUUID();
  const details = { ...action.details, attempt };
  await recordAudit({ ...action, action: `${action.action}.intent`, outcome: 'success', details });
  let result: T;
  try {
    result = await act();
  } catch (error) {
    const outcome = {
      ...action,
      outcome: outcomeOf(error),
      details: { ...details, error: failureCode(error) },
    };
    await recordAudit(outcome).catch((auditError: unknown) => {
      console.error(
        'audit: the outcome of a failed action could not be written:',
        auditError instanceof Error ? auditError.message : 'unknown error',
      );
    });
    throw error;
  }
  const extra = describe?.(result) ?? {};
  await recordAudit({
    ...action,
    target: extra.target === undefined ? action.target : extra.target,
    outcome: 'success',
    details: { ...details, ...extra.details },
  });
  return result;
}
