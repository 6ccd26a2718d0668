import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inServerRender } from '@/lib/testing/render-scope';
import { getActor, getSessionState } from './actor';
import { demoPassword } from './demo-users';
import type { Auth } from './server';
import { freshAuth, signIn } from './testing';

// A dashboard page asks for the session in its layout, in requirePage() and sometimes in the page itself:
// one database read per request, and none shared between requests or between callers.

let auth: Auth;
let operator: Headers;

beforeEach(async () => {
  auth = await freshAuth();
  operator = await signIn(auth, 'operator@demo.certdesk', demoPassword);
});

describe('one session lookup per request', () => {
  it('reads the session once for a layout, requirePage() and a page that all ask', async () => {
    const lookup = vi.spyOn(auth.api, 'getSession');
    const [layout, actor, page] = await inServerRender(async () => [
      await getSessionState(operator),
      await getActor(operator),
      await getSessionState(operator),
    ]);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(page).toBe(layout);
    expect(actor).toMatchObject({ email: 'operator@demo.certdesk' });
  });

  it('reads again for the next request, which sees a session ended in between', async () => {
    const lookup = vi.spyOn(auth.api, 'getSession');
    expect(await inServerRender(() => getActor(operator))).toMatchObject({ role: 'operator' });
    await auth.api.signOut({ headers: operator });
    expect(await inServerRender(() => getActor(operator))).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('keeps each caller’s own session: other request headers are looked up for themselves', async () => {
    const admin = await signIn(auth, 'admin@demo.certdesk', demoPassword);
    const lookup = vi.spyOn(auth.api, 'getSession');
    const [first, second] = await inServerRender(() => Promise.all([getActor(operator), getActor(admin)]));
    expect(first).toMatchObject({ role: 'operator' });
    expect(second).toMatchObject({ role: 'admin' });
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('reads afresh on every call outside a render (route handlers, Server Actions)', async () => {
    const lookup = vi.spyOn(auth.api, 'getSession');
    await getActor(operator);
    await getActor(operator);
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
