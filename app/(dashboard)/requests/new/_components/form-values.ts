import type { z } from 'zod';
import { submitRequestSchema } from '@/lib/api/dto';
import type { SignatureAlgorithm } from '@/lib/pki/usages';

/** What the form holds before zod parses it into a SubmitRequest. */
export type RequestFormValues = z.input<typeof submitRequestSchema>;

export const formFields = Object.keys(submitRequestSchema.shape) as (keyof RequestFormValues)[];

export function isFormField(name: string): name is keyof RequestFormValues {
  return (formFields as string[]).includes(name);
}

/** Keeps the current algorithm when the new key can use it, else prefers SHA-256, else the first offered. */
export function preferredAlgorithm(
  offered: readonly SignatureAlgorithm[],
  current: SignatureAlgorithm | undefined,
): SignatureAlgorithm | undefined {
  if (current && offered.includes(current)) return current;
  return offered.find((a) => a.startsWith('SHA256_')) ?? offered[0];
}
