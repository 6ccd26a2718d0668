import { useId, type ReactNode } from 'react';
import { cn } from './cn';

export type DescriptionItem = { term: string; detail: ReactNode };

/**
 * Term/detail pairs in two columns on wide screens, stacked on narrow ones. Each detail is labelled by
 * its term, so assistive technology (and tests) can find a value by what it is.
 */
export function DescriptionList({ items, className }: { items: DescriptionItem[]; className?: string }) {
  const prefix = useId();
  return (
    <dl
      className={cn(
        'grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]',
        className,
      )}
    >
      {items.map(({ term, detail }, index) => (
        <div key={term} className="contents">
          <dt id={`${prefix}-${index}`} className="font-medium text-slate-600">
            {term}
          </dt>
          <dd aria-labelledby={`${prefix}-${index}`} className="min-w-0 break-words text-slate-900">
            {detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}
