'use client';

import { focusRing } from '@/components/ui/focus';

// Plain markup with the look of Alert (danger) and Button: this boundary is part of every dashboard page's
// first load, and components/ui's class merging (cn) would add ~9 kB to each.
const alertClasses = 'rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900';
const buttonClasses = `inline-flex h-10 items-center justify-center rounded-md bg-brand px-4 text-sm font-medium text-brand-fg transition-colors hover:bg-blue-800 ${focusRing}`;

export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <div role="alert" className={alertClasses}>
        <p className="font-semibold">This page could not be shown.</p>
        {/* The message of a server error is replaced by Next in production; the digest finds it in the logs. */}
        <div className="mt-1">{error.digest ? `Reference: ${error.digest}` : error.message}</div>
      </div>
      <div>
        <button type="button" className={buttonClasses} onClick={reset}>
          Try again
        </button>
      </div>
    </div>
  );
}
