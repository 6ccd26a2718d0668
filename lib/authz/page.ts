import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { signInUrlFor } from '@/lib/auth/next-path';
import type { Actor } from '@/lib/auth/types';
import { actorFromHeaders } from './actor-source';
import { can, recordDenial, type Permission } from './policy';

/**
 * The first line of every dashboard page: the signed-in actor when their role holds `permission`.
 * Signed-out visitors go to /login and come back here afterwards; a role without the permission gets
 * the "no access" page (app/(dashboard)/forbidden.tsx) and an audited denial. Pages are a courtesy to people, not the gate:
 * the API routes and Server Actions they use check everything again. Fresh sign-in is not asked here:
 * the form opens, and submitting asks for it (401 reauth_required).
 */
export async function requirePage(permission: Permission): Promise<Actor> {
  const requestHeaders = await headers();
  const actor = await actorFromHeaders(requestHeaders);
  if (!actor) redirect(signInUrlFor(requestHeaders));
  if (!can(actor, permission)) {
    await recordDenial(actor, { permission, reason: 'role' }, { action: 'page' });
    forbidden();
  }
  return actor;
}
