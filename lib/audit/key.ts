import { createSecretKey, type KeyObject } from 'node:crypto';

// AUDIT_HMAC_KEY's one format, shared by the server's settings (lib/config.ts) and `npm run audit:verify`:
// standard base64 (padded, as `openssl rand -base64 32` prints it) of at least 32 random bytes, the
// length of the HMAC-SHA-256 output (RFC 2104 §3). Pure: no database, no server-only.

export const minAuditKeyBytes = 32;

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The key in `text` as a KeyObject (which never prints its bytes), or why it is not one. The problem
 * never repeats the text.
 */
export function parseAuditKey(text: string): { key: KeyObject } | { problem: string } {
  const trimmed = text.trim();
  // Hex digits are base64 digits too: a hex key would be taken, as other bytes than meant.
  if (trimmed === '' || !base64.test(trimmed) || /^[0-9a-f]+$/i.test(trimmed))
    return { problem: 'must be base64 (not hex), e.g. the output of `openssl rand -base64 32`' };
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length < minAuditKeyBytes)
    return { problem: `must be at least ${minAuditKeyBytes} bytes before base64 encoding` };
  const key = createSecretKey(bytes);
  bytes.fill(0);
  return { key };
}
