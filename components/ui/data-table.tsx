'use client';

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type RowData,
  type SortingState,
  type Table,
} from '@tanstack/react-table';
import { cn } from './cn';
import { focusRing } from './focus';
import { Table as TableFrame, TableBody, TableHead, Td, Th } from './table';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the library's
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for the column's cells. */
    className?: string;
  }
}

export type SortValue = { id: string; desc: boolean };

type SortedTableOptions<T> = {
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types
  columns: ColumnDef<T, any>[];
  sort: SortValue;
  onSortChange: (sort: SortValue) => void;
  getRowId: (row: T) => string;
};

/** A table whose rows are sorted (and paged) by the server: sorting only reports the user's choice. */
export function useSortedTable<T>({ data, columns, sort, onSortChange, getRowId }: SortedTableOptions<T>) {
  // Not memoized by the React Compiler; the table is cheap to rebuild and nothing memoized holds on to it.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting: [sort] },
    onSortingChange: (updater) => {
      const next: SortingState = typeof updater === 'function' ? updater([sort]) : updater;
      if (next[0]) onSortChange(next[0]);
    },
  });
}

/** Renders a table built with useSortedTable: sortable headers are buttons and carry aria-sort. */
export function DataTable<T>({ table, caption }: { table: Table<T>; caption: string }) {
  return (
    <TableFrame caption={caption}>
      <TableHead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} />
            ))}
          </tr>
        ))}
      </TableHead>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <Td key={cell.id} className={cell.column.columnDef.meta?.className}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </Td>
            ))}
          </tr>
        ))}
      </TableBody>
    </TableFrame>
  );
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

function HeaderCell<T>({ header }: { header: Header<T, unknown> }) {
  const content = header.isPlaceholder
    ? null
    : flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <Th>{content}</Th>;
  const sorted = header.column.getIsSorted();
  return (
    <Th className="px-2 py-1" aria-sort={sorted ? ariaSort[sorted] : 'none'}>
      <button
        type="button"
        onClick={header.column.getToggleSortingHandler()}
        className={cn(
          'inline-flex items-center gap-1 rounded px-2 py-1 whitespace-nowrap uppercase hover:bg-slate-100',
          sorted && 'text-slate-900',
          focusRing,
        )}
      >
        {content}
        <span aria-hidden="true" className={cn('text-[0.65rem]', !sorted && 'text-slate-400')}>
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </Th>
  );
}
