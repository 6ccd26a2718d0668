// /api/auth/*: better-auth's endpoints (sign-in, second factor, single sign-on, sign-out).
import { getAuth } from '@/lib/auth/server';
import { withSsoScope } from '@/lib/auth/sso';

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  const { result, refused } = await withSsoScope(() => auth.handler(request));
  // An identity provider that grants no CertDesk role: back to sign-in with an explanation, not a JSON error.
  const response = refused ? Response.redirect(new URL('/login?sso=failed', request.url), 303) : result;
  response.headers.set('cache-control', 'no-store');
  return response;
}

export const GET = handle;
export const POST = handle;
