import { useId } from 'react';
import { Button } from './button';
import { Select } from './select';

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  pageSizes?: readonly number[];
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
};

/** "Page 2 of 40" with previous/next and a page size; pages count from 1. */
export function Pagination({
  page,
  pageSize,
  total,
  pageSizes = [10, 25, 50, 100],
  onPageChange,
  onPageSizeChange,
}: PaginationProps) {
  const id = useId();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A size from a shared link that is not one of the offered ones stays selectable.
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-slate-700">
          Rows per page
        </label>
        <Select
          id={id}
          className="w-24"
          value={pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value))}
        >
          {sizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-center gap-2">
        <p aria-live="polite" className="tabular-nums text-slate-700">
          Page {page} of {pageCount}
        </p>
        <Button
          variant="secondary"
          size="sm"
          disabled={page <= 1}
          onClick={() => onPageChange(Math.min(page - 1, pageCount))}
        >
          Previous
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={page >= pageCount}
          onClick={() => onPageChange(page + 1)}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}

/** "Showing 26–50 of 112 requests", announced when it changes. */
export function PageRange({
  page,
  pageSize,
  shown,
  total,
  noun,
}: {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  noun: { one: string; other: string };
}) {
  const first = (page - 1) * pageSize + 1;
  const word = total === 1 ? noun.one : noun.other;
  return (
    <p role="status" className="text-sm text-slate-600">
      {shown > 0
        ? `Showing ${first}–${first + shown - 1} of ${total} ${word}`
        : `This page is past the end of the list: ${total} ${word} in all`}
    </p>
  );
}
