import { Suspense, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';

type UrlQuerySuspenseProps = {
  /** Announced while waiting, e.g. "Loading requests". */
  label: string;
  children: ReactNode;
  /** Heights of the two placeholder blocks: the filter bar's, then the list's. */
  barClassName?: string;
  listClassName?: string;
  /** The gap between the blocks. */
  className?: string;
};

/**
 * Wraps a list whose filters live in the address bar, which is only known in the browser: the server
 * renders placeholders of the filter bar and the list in its place.
 */
export function UrlQuerySuspense({
  label,
  children,
  barClassName = 'h-24',
  listClassName = 'h-64',
  className = 'gap-2',
}: UrlQuerySuspenseProps) {
  return (
    <Suspense
      fallback={
        <LoadingRegion label={label} className={cn('flex flex-col', className)}>
          <Skeleton className={cn('w-full', barClassName)} />
          <Skeleton className={cn('w-full', listClassName)} />
        </LoadingRegion>
      }
    >
      {children}
    </Suspense>
  );
}
