import type { ReactNode } from 'react';
import { ErrorState } from './error-state';

/** What a view needs from a query's result (TanStack Query's `useQuery` gives it) to show its states. */
export type QueryResultLike<T> = {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  refetch: () => unknown;
};

type QueryStateProps<T> = {
  result: QueryResultLike<T>;
  /** Shown until the first answer. */
  loading: ReactNode;
  /** Titles the error shown when there is nothing to show, e.g. "The requests could not be loaded." */
  errorTitle: string;
  children: (data: T) => ReactNode;
};

/**
 * A loaded view's states: `loading` until the first answer, an error with "Try again" while there is no data,
 * else the data. Data once read stays on screen through later failures; `children` decide how to say so.
 */
export function QueryState<T>({ result, loading, errorTitle, children }: QueryStateProps<T>) {
  if (result.isPending) return loading;
  if (result.data === undefined) {
    return (
      <ErrorState
        title={errorTitle}
        message={result.error?.message ?? 'No answer.'}
        onRetry={() => void result.refetch()}
      />
    );
  }
  return children(result.data);
}
