import { useSyncExternalStore } from 'react';
import { submitRequestSchema } from '@/lib/api/dto';
import type { RequestFormValues } from './form-values';

// The form's values kept across a fresh sign-in (401 reauth_required on submit): the page leaves for
// /login and comes back to an empty form otherwise. sessionStorage is this tab's only and ends with it.
// Nothing secret is kept: the form holds a CSR (a public key and names), the chosen CA key's label and
// usages, and a reason; no private key or password ever enters it.

const key = 'certdesk:new-request-draft';

// What was submitted had passed the form's own validation, so a stored draft parses; anything else is dropped.
const draftSchema = submitRequestSchema.partial();

export function saveDraft(values: RequestFormValues): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the user signs in again and types the request anew.
  }
}

/** The stored draft, removed as it is read (so it is restored once), or null. */
function takeDraft(): Partial<RequestFormValues> | null {
  let text: string | null = null;
  try {
    text = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Read once per visit of the form; the same object on every render until forgotten.
let taken: { draft: Partial<RequestFormValues> | null } | null = null;

const noSubscription = () => () => {};

/** The draft saved before signing in again, or null (always null on the server and while hydrating). */
export function useRestoredDraft(): Partial<RequestFormValues> | null {
  return useSyncExternalStore(
    noSubscription,
    () => (taken ??= { draft: takeDraft() }).draft,
    () => null,
  );
}

/** Leaving the form: the next visit starts from what storage holds then (nothing, once restored). */
export function forgetRestoredDraft(): void {
  taken = null;
}
