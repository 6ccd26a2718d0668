import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { Actor } from '@/lib/auth/types';

// CSRF defence for every state-changing API call (SECURITY.md requirement 7): JSON only, an Origin that
// is exactly ours, and no browser-declared cross-site request. SameSite cookies are the second layer.

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutating(method: string): boolean {
  return mutatingMethods.has(method.toUpperCase());
}

function firstValue(header: string | null): string | null {
  const value = header?.split(',')[0]?.trim();
  return value ? value : null;
}

/**
 * The origin CertDesk is served from. APP_ORIGIN when set (set it in production: it is the one value no
 * request can influence). Otherwise the scheme and host the request was addressed to, as a reverse
 * proxy forwards them (X-Forwarded-Proto/-Host) or else from Host and the request URL. Browsers cannot
 * put forwarded headers on a cross-site request without a CORS preflight that CertDesk never grants,
 * and a caller outside a browser can send any Origin anyway, so this fallback keeps the CSRF guarantee.
 */
export function appOrigin(request: Request): string {
  return appOriginOf(request.headers, new URL(request.url));
}

/**
 * appOrigin() from headers alone (Server Actions see no Request). Next's server sets X-Forwarded-Proto
 * and -Host on every request it handles; without them and without a URL the answer is plain http on Host.
 */
export function appOriginOf(headers: Headers, url?: URL): string {
  const configured = process.env.APP_ORIGIN?.trim();
  if (configured) return new URL(configured).origin;
  const proto = firstValue(headers.get('x-forwarded-proto')) ?? url?.protocol.replace(/:$/, '') ?? 'http';
  const host = firstValue(headers.get('x-forwarded-host')) ?? headers.get('host') ?? url?.host ?? '';
  return `${proto}://${host}`.toLowerCase();
}

/** The media type without parameters, lower-cased ('' when absent). */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export type CrossOriginReason = 'cross_site' | 'origin_missing' | 'origin_null' | 'origin_mismatch';

/**
 * Why a state-changing request looks forged, or null. A personal API token is not sent by browsers on
 * their own, so token callers (scripts) may omit Origin; when they send one, it must still be ours.
 */
export function crossOriginReason(request: Request, actor: Actor | null): CrossOriginReason | null {
  return crossOriginReasonOf(request.headers, actor, new URL(request.url));
}

/** crossOriginReason() from headers alone, for Server Actions. */
export function crossOriginReasonOf(
  headers: Headers,
  actor: Actor | null,
  url?: URL,
): CrossOriginReason | null {
  if (headers.get('sec-fetch-site')?.toLowerCase() === 'cross-site') return 'cross_site';
  const origin = headers.get('origin');
  if (origin === null) return actor?.via === 'token' ? null : 'origin_missing';
  if (origin.trim().toLowerCase() === 'null') return 'origin_null';
  return origin.trim().toLowerCase() === appOriginOf(headers, url) ? null : 'origin_mismatch';
}

export function crossOriginError(reason: CrossOriginReason): ApiError {
  const messages: Record<CrossOriginReason, string> = {
    cross_site: 'Cross-site requests cannot change anything in CertDesk.',
    origin_missing:
      'This request carries no Origin header; CertDesk accepts changes from its own pages only.',
    origin_null:
      'This request comes from an opaque origin; CertDesk accepts changes from its own pages only.',
    origin_mismatch:
      'This request comes from another site; CertDesk accepts changes from its own pages only.',
  };
  return new ApiError(403, 'cross_origin_request', messages[reason]);
}

export function unsupportedMediaType(): ApiError {
  return new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
}
