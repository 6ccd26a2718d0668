import 'server-only';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { recordAudit } from '@/lib/audit';
import { getAuthDb } from './db';
import { passwordChanged } from './first-password';
import { actorOf, type Who } from './sign-in-events';

// Audit records for what a signed-in user does to their own account: signing out, changing the password
// (which also ends the one-time password's restriction).

export const accountEvents: BetterAuthPlugin = {
  id: 'certdesk-account-events',
  hooks: {
    before: [
      {
        // Before, while the session that is ending still says who it was.
        matcher: (ctx) => ctx.path === '/sign-out',
        handler: createAuthMiddleware(async (ctx) => {
          const session = await getSessionFromCtx(ctx);
          if (!session) return;
          const user = session.user as Who;
          await recordAudit({
            actor: actorOf(user),
            action: 'auth.sign_out',
            target: `user:${user.id}`,
            outcome: 'success',
          });
        }),
      },
    ],
    after: [
      {
        matcher: (ctx) => ctx.path === '/change-password',
        handler: createAuthMiddleware(async (ctx) => {
          const session = ctx.context.session ?? (await getSessionFromCtx(ctx));
          const user = (ctx.context.newSession?.user ?? session?.user) as Who | undefined;
          if (!user) return;
          const failed = isAPIError(ctx.context.returned);
          if (!failed) await passwordChanged(await getAuthDb(), user.id);
          await recordAudit({
            actor: actorOf(user),
            action: 'auth.password_change',
            target: `user:${user.id}`,
            outcome: failed ? 'failure' : 'success',
          });
        }),
      },
    ],
  },
};
