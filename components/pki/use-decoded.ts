'use client';

import { useEffect, useState } from 'react';

export type Decoding<T> = { state: 'empty' } | { state: 'decoding' } | { state: 'done'; result: T };

/**
 * Runs `decode` on `input` shortly after it stops changing and returns the latest result. A result
 * always belongs to the current input: while a newer input is being decoded the state is "decoding".
 * `decode` must be a stable (module-level) function that never rejects.
 */
export function useDecoded<T>(
  input: string,
  decode: (input: string) => Promise<T>,
  delayMs = 150,
): Decoding<T> {
  const [latest, setLatest] = useState<{ input: string; result: T } | null>(null);
  const empty = input.trim() === '';

  useEffect(() => {
    if (empty) return;
    let current = true;
    const timer = setTimeout(() => {
      void decode(input).then((result) => {
        if (current) setLatest({ input, result });
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [input, empty, decode, delayMs]);

  if (empty) return { state: 'empty' };
  if (latest?.input !== input) return { state: 'decoding' };
  return { state: 'done', result: latest.result };
}
