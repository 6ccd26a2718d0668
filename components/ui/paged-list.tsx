'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { DataTable, useSortedTable, type SortValue } from './data-table';
import { PageRange, Pagination } from './pagination';
import { QueryState, type QueryResultLike } from './query-state';
import { LoadingRegion, Skeleton } from './skeleton';

/** One page of a list as the server answers it. */
export type ListPage = { page: number; pageSize: number; total: number };

/** The page and page size asked for, which the address bar holds. */
export type Paging = { page: number; pageSize: number };

export type PagedListLabels = {
  /** Announced while the first page loads, e.g. "Loading requests". */
  loading: string;
  /** e.g. "The requests could not be loaded." */
  error: string;
  /** Names the region holding the range, the table and the pagination. */
  region: string;
  /** The table's caption, read by screen readers. */
  caption: string;
  /** Counted in "Showing 1–25 of 112 requests". */
  noun: { one: string; other: string };
};

type PagedListProps<P extends ListPage, T> = {
  result: QueryResultLike<P> & { isPlaceholderData: boolean };
  rows: (page: P) => T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  sort: SortValue;
  onSortChange: (sort: SortValue) => void;
  paging: Paging;
  onPagingChange: (patch: Partial<Paging>) => void;
  pageSizes?: readonly number[];
  labels: PagedListLabels;
  /** Shown when nothing at all matches. */
  empty: ReactNode;
  /** Say so above the rows when a refresh fails; for lists that refresh themselves. */
  warnWhenStale?: boolean;
};

/**
 * A list filtered, sorted and paged by the server: a skeleton, then an error with a retry, the empty state,
 * or the range, a sortable table and the pagination. The previous page stays on screen, marked busy, until
 * the next one arrives.
 */
export function PagedList<P extends ListPage, T>({
  result,
  labels,
  empty,
  warnWhenStale,
  ...table
}: PagedListProps<P, T>) {
  return (
    <>
      {warnWhenStale && result.data && result.error ? (
        <Alert tone="warn" title="The latest list could not be read.">
          {result.error.message} Showing the list as last read.
        </Alert>
      ) : null}
      <QueryState result={result} loading={<RowsSkeleton label={labels.loading} />} errorTitle={labels.error}>
        {(page) =>
          page.total === 0 ? (
            empty
          ) : (
            <PageOfRows page={page} stale={result.isPlaceholderData} labels={labels} {...table} />
          )
        }
      </QueryState>
    </>
  );
}

function RowsSkeleton({ label }: { label: string }) {
  return (
    <LoadingRegion label={label} className="flex flex-col gap-2">
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </LoadingRegion>
  );
}

type PageOfRowsProps<P extends ListPage, T> = Omit<
  PagedListProps<P, T>,
  'result' | 'empty' | 'warnWhenStale'
> & {
  page: P;
  stale: boolean;
};

function PageOfRows<P extends ListPage, T>(props: PageOfRowsProps<P, T>) {
  const { page, stale, labels, paging, onPagingChange, pageSizes } = props;
  const rows = props.rows(page);
  const table = useSortedTable({
    data: rows,
    columns: props.columns,
    getRowId: props.getRowId,
    sort: props.sort,
    onSortChange: props.onSortChange,
  });
  return (
    <section aria-label={labels.region} aria-busy={stale} className="flex flex-col gap-3">
      <PageRange
        page={page.page}
        pageSize={page.pageSize}
        shown={rows.length}
        total={page.total}
        noun={labels.noun}
      />
      {rows.length > 0 ? (
        <DataTable table={table} caption={labels.caption} />
      ) : (
        <Button variant="secondary" className="self-start" onClick={() => onPagingChange({ page: 1 })}>
          Go to the first page
        </Button>
      )}
      <Pagination
        page={paging.page}
        pageSize={paging.pageSize}
        total={page.total}
        pageSizes={pageSizes}
        onPageChange={(next) => onPagingChange({ page: next })}
        onPageSizeChange={(pageSize) => onPagingChange({ pageSize })}
      />
    </section>
  );
}
