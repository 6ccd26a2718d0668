// /api/auth/*: better-auth's endpoints (sign-in, second factor, single sign-on, sign-out).
import { getAuth } from '@/lib/auth/server';
import { withSsoScope } from '@/lib/auth/sso';

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  const { result, refused } = await withSsoScope(() => auth.handler(request));
  // An identity provider that grants no CertDesk role: back to sign-in with an explanation, not a JSON error.
  if (refused) {
    // A relative location: nothing taken from the Host header.
    return new Response(null, {
      status: 303,
      headers: { location: '/login?sso=failed', 'cache-control': 'no-store' },
    });
  }
  result.headers.set('cache-control', 'no-store');
  return result;
}

export const GET = handle;
export const POST = handle;
