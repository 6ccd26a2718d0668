import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { FilterState } from './filter-state';

type NoResultsProps = {
  filters: FilterState;
  /** The title while filters are on, e.g. "No requests match these filters". */
  noMatches: string;
  /** The list's own empty state, shown while no filter is on. */
  children: ReactNode;
};

/** An empty filterable list: with filters on, a way to clear them; without, the list's own empty state. */
export function NoResults({ filters, noMatches, children }: NoResultsProps) {
  if (!filters.active) return children;
  return (
    <EmptyState
      title={noMatches}
      action={
        <Button variant="secondary" onClick={filters.clear}>
          Clear filters
        </Button>
      }
    />
  );
}
