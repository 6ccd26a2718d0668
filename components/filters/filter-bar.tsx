import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

const columnClasses = { 2: 'md:grid-cols-2', 3: 'md:grid-cols-3' } as const;

/** A list's filters as a search landmark: a card laid out in two or three columns from medium screens up. */
export function FilterBar({
  label,
  columns,
  children,
}: {
  label: string;
  columns: 2 | 3;
  children: ReactNode;
}) {
  return (
    <div
      role="search"
      aria-label={label}
      className={cn('grid gap-4 rounded-lg border border-slate-200 bg-white p-4', columnClasses[columns])}
    >
      {children}
    </div>
  );
}
