'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

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
      <Alert tone="danger" title="This page could not be shown.">
        {/* The message of a server error is replaced by Next in production; the digest finds it in the logs. */}
        {error.digest ? `Reference: ${error.digest}` : error.message}
      </Alert>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
