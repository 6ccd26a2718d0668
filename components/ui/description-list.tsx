import type { ReactNode } from 'react';
import { cn } from './cn';

export type DescriptionItem = { term: string; detail: ReactNode };

/** Term/detail pairs in two columns on wide screens, stacked on narrow ones. */
export function DescriptionList({ items, className }: { items: DescriptionItem[]; className?: string }) {
  return (
    <dl
      className={cn(
        'grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]',
        className,
      )}
    >
      {items.map(({ term, detail }) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-600">{term}</dt>
          <dd className="min-w-0 break-words text-slate-900">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
