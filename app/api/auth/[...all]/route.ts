// /api/auth/*: better-auth's endpoints (sign-in, second factor, single sign-on, sign-out).
import { getAuth } from '@/lib/auth/server';
import { withSsoScope } from '@/lib/auth/sso';

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  const response = await withSsoScope(() => auth.handler(request));
  response.headers.set('cache-control', 'no-store');
  return response;
}

export const GET = handle;
export const POST = handle;
