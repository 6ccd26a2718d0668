import 'server-only';
import type { Auth } from './server';
import { demoPassword, demoUsers } from './demo-users';

/** Creates each demo user that does not exist yet (demo mode starts on an empty in-memory database). */
export async function seedDemoUsers(auth: Auth): Promise<void> {
  const context = await auth.$context;
  for (const user of demoUsers) {
    if (await context.internalAdapter.findUserByEmail(user.email)) continue;
    await auth.api.createUser({ body: { ...user, password: demoPassword } });
  }
}
