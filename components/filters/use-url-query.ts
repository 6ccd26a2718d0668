'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { parseSearchParams, toSearchParams } from '@/lib/query/search-params';

type UpdateOptions = {
  /** Replace the current history entry (typing) instead of adding one (a deliberate choice). */
  replace?: boolean;
};

/** Changes part of a query kept in the address bar; what filter bars are given as `onChange`. */
export type UpdateUrlQuery<Q> = (patch: Partial<Q>, options?: UpdateOptions) => void;

/**
 * A list's filters, sort and page kept in the address bar, so a view can be shared and the back button
 * steps through the user's choices. Changing anything but the page goes back to the first page.
 */
export function useUrlQuery<S extends z.ZodType<object>>(schema: S) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const query = useMemo(() => parseSearchParams(schema, searchParams), [schema, searchParams]);
  const defaults = useMemo(() => parseSearchParams(schema, {}), [schema]);

  const update: UpdateUrlQuery<z.infer<S>> = useCallback(
    (patch, { replace = false } = {}) => {
      const backToFirst = 'page' in query && !('page' in patch) ? { page: 1 } : {};
      const params = toSearchParams({ ...query, ...backToFirst, ...patch }, defaults);
      const href = params.size > 0 ? `${pathname}?${params.toString()}` : pathname;
      // The History API without a server round trip; Next keeps useSearchParams in step with it.
      if (replace) window.history.replaceState(null, '', href);
      else window.history.pushState(null, '', href);
    },
    [query, defaults, pathname],
  );

  return [query, update] as const;
}
