import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { filterState } from './filter-state';
import { NoResults } from './no-results';

type Query = { page: number; q?: string; status?: string[]; key?: string };
const names = ['q', 'status', 'key'] as const;

describe('filterState', () => {
  it('counts a filter as on only when it holds a value', () => {
    const update = vi.fn();
    expect(filterState<Query>({ page: 3 }, update, names).active).toBe(false);
    expect(filterState<Query>({ page: 1, q: '', status: [] }, update, names).active).toBe(false);
    expect(filterState<Query>({ page: 1, status: ['PENDING'] }, update, names).active).toBe(true);
    expect(filterState<Query>({ page: 1, key: 'CA' }, update, names).active).toBe(true);
  });

  it('clears every named filter at once, and nothing else', () => {
    const update = vi.fn();
    filterState<Query>({ page: 2, q: 'x', key: 'CA' }, update, names).clear();
    expect(update).toHaveBeenCalledExactlyOnceWith({ q: undefined, status: undefined, key: undefined });
  });
});

describe('NoResults', () => {
  const own = <p>No things yet</p>;

  it("shows the list's own empty state while no filter is on", () => {
    const html = renderToStaticMarkup(
      <NoResults filters={{ active: false, clear: () => {} }} noMatches="No things match these filters">
        {own}
      </NoResults>,
    );
    expect(html).toBe('<p>No things yet</p>');
  });

  it('offers to clear the filters while they hide everything', () => {
    const clear = vi.fn();
    const filters = { active: true, clear };
    const html = renderToStaticMarkup(
      <NoResults filters={filters} noMatches="No things match these filters">
        {own}
      </NoResults>,
    );
    expect(html).toContain('No things match these filters');
    expect(html).toContain('>Clear filters</button>');
    expect(html).not.toContain('No things yet');

    const shown = NoResults({ filters, noMatches: 'No things match these filters', children: own });
    const action = (shown as ReactElement<{ action: ReactElement<{ onClick: () => void }> }>).props.action;
    action.props.onClick();
    expect(clear).toHaveBeenCalledOnce();
  });
});
