'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { auditActor, recordAudit } from '@/lib/audit';
import { getActor, type Actor } from '@/lib/auth';
import { roles } from '@/lib/auth/types';
import { changeRole, createUser, disableUser, enableUser, UserChangeError } from '@/lib/auth/users';

// User management from /admin. Each action checks for itself that an admin is asking: a Server Action
// is a public endpoint whatever page shows its form.

export type AdminActionState = { error?: string; created?: { email: string; password: string } };

async function asAdmin(action: string): Promise<{ actor: Actor; headers: Headers }> {
  const requestHeaders = await headers();
  const actor = await getActor(requestHeaders);
  if (actor?.role !== 'admin') {
    await recordAudit({
      actor: auditActor(actor),
      action: 'authz.denied',
      target: null,
      outcome: 'denied',
      details: { action },
    });
    throw new Error('Only administrators manage users.');
  }
  return { actor, headers: requestHeaders };
}

async function attempt(run: () => Promise<AdminActionState | void>): Promise<AdminActionState> {
  try {
    const result = (await run()) ?? {};
    revalidatePath('/admin');
    return result;
  } catch (error) {
    if (error instanceof UserChangeError) return { error: error.message };
    if (error instanceof z.ZodError) return { error: error.issues.map((i) => i.message).join(' ') };
    const message = (error as { body?: { message?: unknown } }).body?.message;
    return { error: typeof message === 'string' ? message : 'The change could not be made.' };
  }
}

const inviteSchema = z.object({
  email: z.email('Enter a valid e-mail address.'),
  name: z.string().trim().min(1, 'Enter a name.').max(120),
  role: z.enum(roles),
});

export async function inviteUserAction(_: AdminActionState, form: FormData): Promise<AdminActionState> {
  const by = await asAdmin('user.invite');
  return attempt(async () => {
    const input = inviteSchema.parse(Object.fromEntries(form));
    const { password } = await createUser(by, input);
    return { created: { email: input.email, password } };
  });
}

const changeSchema = z.object({ userId: z.string().min(1), role: z.enum(roles).optional() });

export async function changeRoleAction(_: AdminActionState, form: FormData): Promise<AdminActionState> {
  const by = await asAdmin('user.role_change');
  return attempt(async () => {
    const { userId, role } = changeSchema.required().parse(Object.fromEntries(form));
    await changeRole(by.actor, by.headers, userId, role);
  });
}

export async function setDisabledAction(_: AdminActionState, form: FormData): Promise<AdminActionState> {
  const by = await asAdmin('user.disable');
  return attempt(async () => {
    const { userId } = changeSchema.parse(Object.fromEntries(form));
    if (form.get('disable') === 'true') await disableUser(by.actor, by.headers, userId);
    else await enableUser(by.actor, by.headers, userId);
  });
}
