'use client';

import { useQueryClient } from '@tanstack/react-query';
import { VerificationView } from '@/components/audit/chain-verdict';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { auditKeys, useVerifyChain } from '@/lib/query/audit';

/** "Verify chain": checks the whole log on the server and shows the verdict under the button. */
export function VerifyChain() {
  const queryClient = useQueryClient();
  const verify = useVerifyChain(() => void queryClient.invalidateQueries({ queryKey: auditKeys.all }));
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Verifying…' : 'Verify chain'}
        </Button>
      </div>
      {verify.data ? <VerificationView verification={verify.data} /> : null}
      {verify.error ? (
        <ErrorState
          title="The chain could not be verified."
          message={verify.error.message}
          onRetry={() => verify.mutate()}
        />
      ) : null}
    </div>
  );
}
