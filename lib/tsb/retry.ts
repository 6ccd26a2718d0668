import 'server-only';

// When an idempotent read is tried again: at most `maxAttempts` tries inside the call's one deadline,
// apart by a capped, fully jittered exponential backoff, or by the TSB's Retry-After when it asks longer.

export const maxAttempts = 3;
const baseMs = 100;
const capMs = 1_000;

/** The wait before try `attempt + 1`, honouring `retryAfterSeconds` when the TSB gave one. */
export function retryDelayMs(
  attempt: number,
  retryAfterSeconds: number | null,
  random: () => number = Math.random,
): number {
  const backoff = random() * Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Resolves after `ms`, or at once when `signal` aborts first. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
