import 'server-only';
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getAuthoritativeSessionFromCtx } from 'better-auth/api';
import { constantTimeEqual, symmetricDecrypt } from 'better-auth/crypto';
import { recordAudit } from '@/lib/audit';
import type { AuthDb } from './db';
import { actorOf, type Who } from './sign-in-events';

// A TOTP code is accepted once (RFC 6238 §5.2). better-auth's twoFactor plugin checks a code against the
// secret and the clock only, so the same code opens a second sign-in for as long as its step is in the
// window (±1 step: up to 90 s; better-auth/better-auth#10387, still open in 1.7). This hook runs before
// the plugin's /two-factor/verify-totp: it finds the step the code belongs to, with the library and the
// settings the plugin verifies with, and takes it as the user's last accepted step only when it is newer
// than the one before; otherwise the code is refused and the refusal audited. A code that matches no step
// is left to the plugin, which refuses it and counts the failure towards its lockout.

/** The TOTP settings the twoFactor plugin is given (lib/auth/server.ts), which this check must share. */
export const totpOptions = { digits: 6, period: 30 } as const;

const verifyPath = '/two-factor/verify-totp';
// Secrets imported from elsewhere are stored so by better-auth; CertDesk's own are raw strings.
const base32Prefix = 'base32:';

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * The time step `code` belongs to, among those the plugin may accept between `now` and its own check: its
 * window (the step before, this one, the next) and the one after, should a step begin in between. Null when
 * the code is none of them.
 */
export async function matchedStep(
  secret: string | Uint8Array,
  code: string,
  now = Date.now(),
): Promise<number | null> {
  const otp = createOTP(secret, totpOptions);
  const current = Math.floor(now / (totpOptions.period * 1000));
  let matched: number | null = null;
  // Every candidate is computed and compared, so the time taken does not tell which one matched.
  for (const step of [current - 1, current, current + 1, current + 2]) {
    if (constantTimeEqual(code, await otp.hotp(step)) && matched === null) matched = step;
  }
  return matched;
}

/**
 * Takes `step` as `userId`'s last accepted TOTP step if it is newer than the last one. False when it is
 * not: the code was used already (or an older one is tried after a newer). One statement, so two requests
 * racing with the same code cannot both win.
 */
export async function claimStep(
  db: AuthDb,
  userId: string,
  step: number,
  now = new Date(),
): Promise<boolean> {
  const acceptedAt = now.toISOString();
  const result = await db
    .insertInto('totp_last_step')
    .values({ user_id: userId, step, accepted_at: acceptedAt })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ step, accepted_at: acceptedAt })
        .where('totp_last_step.step', '<', step),
    )
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows !== undefined && result.numInsertedOrUpdatedRows > 0n;
}

/** The user the plugin will check the code for: the session's, else the pending sign-in's (its cookie). */
async function userOf(ctx: HookContext): Promise<Who | null> {
  const session = await getAuthoritativeSessionFromCtx(ctx);
  if (session) return session.user as Who;
  const challenge = await ctx.getSignedCookie(
    ctx.context.createAuthCookie('two_factor').name,
    ctx.context.secret,
  );
  if (!challenge) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
  return pending ? ctx.context.internalAdapter.findUserById(pending.value) : null;
}

async function totpSecret(ctx: HookContext, userId: string): Promise<string | Uint8Array | null> {
  const row = await ctx.context.adapter.findOne<{ secret: string }>({
    model: 'twoFactor',
    where: [{ field: 'userId', value: userId }],
  });
  if (!row) return null;
  const secret = await symmetricDecrypt({ key: ctx.context.secretConfig, data: row.secret });
  return secret.startsWith(base32Prefix)
    ? base32.decode(secret.slice(base32Prefix.length).toUpperCase())
    : secret;
}

export function totpReplayGuard(db: AuthDb): BetterAuthPlugin {
  return {
    id: 'certdesk-totp-replay',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === verifyPath,
          handler: createAuthMiddleware(async (ctx) => {
            const code = (ctx.body as { code?: unknown } | undefined)?.code;
            if (typeof code !== 'string') return;
            const user = await userOf(ctx);
            const secret = user ? await totpSecret(ctx, user.id) : null;
            const step = user && secret ? await matchedStep(secret, code) : null;
            if (!user || step === null || (await claimStep(db, user.id, step))) return;
            await recordAudit({
              actor: actorOf(user),
              action: 'auth.sign_in',
              target: `user:${user.id}`,
              outcome: 'failure',
              details: { method: 'second_factor', reason: 'code_reused' },
            });
            throw new APIError('UNAUTHORIZED', {
              message: 'This code has been used already. Enter the next code your authenticator app shows.',
              code: 'TOTP_CODE_REUSED',
            });
          }),
        },
      ],
    },
  };
}
