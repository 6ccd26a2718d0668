import { createColumnHelper } from '@tanstack/react-table';
import { isValidElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PagedList, type PagedListLabels } from './paged-list';
import { QueryState } from './query-state';

// No DOM here: the states are rendered to markup, and callbacks are reached through the returned elements.

type Thing = { id: string; name: string };
type ThingPage = { things: Thing[]; total: number; page: number; pageSize: number };

const column = createColumnHelper<Thing>();
const columns = [column.accessor('name', { header: 'Name' })];

const labels: PagedListLabels = {
  loading: 'Loading things',
  error: 'The things could not be loaded.',
  region: 'Things',
  caption: 'All things',
  noun: { one: 'thing', other: 'things' },
};

type Result = Parameters<typeof PagedList<ThingPage, Thing>>[0]['result'];

const loaded = (page: ThingPage, more: Partial<Result> = {}): Result => ({
  data: page,
  error: null,
  isPending: false,
  isPlaceholderData: false,
  refetch: vi.fn(),
  ...more,
});

const things = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: String(from + i), name: `thing ${from + i}` }));

function render(result: Result, more: { warnWhenStale?: boolean } = {}) {
  return renderToStaticMarkup(
    <PagedList
      result={result}
      rows={(page) => page.things}
      columns={columns}
      getRowId={(thing) => thing.id}
      sort={{ id: 'name', desc: true }}
      onSortChange={() => {}}
      paging={{ page: 2, pageSize: 25 }}
      onPagingChange={() => {}}
      labels={labels}
      empty={<p>Nothing here</p>}
      {...more}
    />,
  );
}

describe('PagedList', () => {
  it('announces the first load, without a table', () => {
    const html = render({
      ...loaded({ things: [], total: 0, page: 1, pageSize: 25 }),
      data: undefined,
      isPending: true,
    });
    expect(html).toMatch(/<div role="status"[^>]*><span class="sr-only">Loading things<\/span>/);
    expect(html).not.toContain('<table');
  });

  it('shows a failed first load with its reason and a retry', () => {
    const html = render({
      ...loaded({ things: [], total: 0, page: 1, pageSize: 25 }),
      data: undefined,
      error: new Error('Gateway timeout.'),
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('The things could not be loaded.');
    expect(html).toContain('Gateway timeout.');
    expect(html).toContain('>Try again</button>');
  });

  it('shows the empty state when nothing matches at all', () => {
    const html = render(loaded({ things: [], total: 0, page: 1, pageSize: 25 }));
    expect(html).toContain('<p>Nothing here</p>');
    expect(html).not.toContain('<table');
  });

  it('shows the range, a captioned sortable table and the pagination', () => {
    const html = render(loaded({ things: things(26, 2), total: 27, page: 2, pageSize: 25 }));
    expect(html).toMatch(/<section aria-label="Things" aria-busy="false"/);
    expect(html).toContain('Showing 26–27 of 27 things');
    expect(html).toContain('<caption class="sr-only">All things</caption>');
    expect(html).toMatch(/<th scope="col"[^>]*aria-sort="descending"><button type="button"[^>]*>Name/);
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('thing 27');
    expect(html).toContain('<nav aria-label="Pagination"');
    expect(html).toContain('>Page 2 of 2</p>');
    expect(html).toContain('disabled="">Next</button>');
  });

  it('marks the rows busy while they stand in for the next page', () => {
    const html = render(
      loaded({ things: things(1, 1), total: 1, page: 1, pageSize: 25 }, { isPlaceholderData: true }),
    );
    expect(html).toMatch(/<section aria-label="Things" aria-busy="true"/);
  });

  it('offers the first page when the page asked for is past the end', () => {
    const html = render(loaded({ things: [], total: 3, page: 4, pageSize: 25 }));
    expect(html).toContain('This page is past the end of the list: 3 things in all');
    expect(html).toContain('>Go to the first page</button>');
    expect(html).not.toContain('<table');
  });

  it('keeps the rows through a failed refresh, and says so only when asked', () => {
    const stale = loaded(
      { things: things(1, 1), total: 1, page: 1, pageSize: 25 },
      { error: new Error('Connection reset.') },
    );
    const warned = render(stale, { warnWhenStale: true });
    expect(warned).toContain('The latest list could not be read.');
    expect(warned).toContain('Connection reset. Showing the list as last read.');
    expect(warned).toContain('thing 1');
    const quiet = render(stale);
    expect(quiet).not.toContain('The latest list could not be read.');
    expect(quiet).toContain('thing 1');
  });
});

describe('QueryState', () => {
  it('retries the query from the error state', () => {
    const refetch = vi.fn();
    const shown = QueryState({
      result: { data: undefined, error: new Error('Down.'), isPending: false, refetch },
      loading: null,
      errorTitle: 'Could not load.',
      children: () => null,
    });
    expect(isValidElement(shown)).toBe(true);
    const { onRetry } = (shown as ReactElement<{ onRetry: () => void }>).props;
    onRetry();
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('hands loaded data to its children', () => {
    const shown = QueryState({
      result: { data: 'ready', error: null, isPending: false, refetch: () => {} },
      loading: 'loading',
      errorTitle: 'Could not load.',
      children: (data) => `got ${data}`,
    });
    expect(shown).toBe('got ready');
  });
});
