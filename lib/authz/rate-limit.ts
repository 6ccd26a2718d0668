import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';

// Submission limits: a token bucket per user and one for everyone. The buckets live in this process's
// memory, so the limits hold for one server process; several processes (or a restart) each start with
// full buckets. CertDesk runs as one process; a fleet would need a shared store (e.g. the database).

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

/** A bucket of `perMinute` tokens per key, refilled continuously; a take of an empty bucket is refused. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, perMinute: number): Verdict {
    const now = this.now();
    const ratePerMs = perMinute / 60_000;
    const current = this.buckets.get(key);
    const tokens = current ? Math.min(perMinute, current.tokens + (now - current.at) * ratePerMs) : perMinute;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > 10_000) this.forgetFull(now, ratePerMs, perMinute);
    return { ok: true };
  }

  /** Returns a token taken by a request that was then refused elsewhere. */
  giveBack(key: string, perMinute: number): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(perMinute, bucket.tokens + 1);
  }

  /** Drops buckets that have refilled: they behave exactly like absent ones. */
  private forgetFull(now: number, ratePerMs: number, perMinute: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * ratePerMs >= perMinute) this.buckets.delete(key);
    }
  }

  clear(): void {
    this.buckets.clear();
  }
}

const limitsSchema = z.object({
  SUBMIT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  SUBMIT_RATE_GLOBAL_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
});

/** Read on each use, so a changed environment (tests) applies at once; a bad value fails closed. */
export function submitLimits(env: Record<string, string | undefined> = process.env) {
  const parsed = limitsSchema.safeParse({
    SUBMIT_RATE_PER_MINUTE: env.SUBMIT_RATE_PER_MINUTE || undefined,
    SUBMIT_RATE_GLOBAL_PER_MINUTE: env.SUBMIT_RATE_GLOBAL_PER_MINUTE || undefined,
  });
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { perUser: parsed.data.SUBMIT_RATE_PER_MINUTE, global: parsed.data.SUBMIT_RATE_GLOBAL_PER_MINUTE };
}

// On globalThis so that dev-mode module reloads keep the same buckets.
const holder = globalThis as typeof globalThis & { __certdeskSubmitBuckets?: TokenBuckets };
const buckets = (holder.__certdeskSubmitBuckets ??= new TokenBuckets());

/**
 * Takes one submission for `userId` from the per-user and the global bucket. A refusal by the global
 * bucket does not cost the user a token.
 */
export function takeSubmission(userId: string): Verdict & { limit: number } {
  const limits = submitLimits();
  const own = buckets.take(`user:${userId}`, limits.perUser);
  if (!own.ok) return { ...own, limit: limits.perUser };
  const everyone = buckets.take('global', limits.global);
  if (everyone.ok) return { ...everyone, limit: limits.perUser };
  buckets.giveBack(`user:${userId}`, limits.perUser);
  return { ...everyone, limit: limits.global };
}

/** Empties every bucket (tests). */
export function resetSubmissionLimits(): void {
  buckets.clear();
}
