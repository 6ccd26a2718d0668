'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { ApprovalBoard } from '@/components/approvals/approval-board';
import { signatureAlgorithmLabel } from '@/components/requests/format';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import type { KeySummary } from '@/lib/api/dto';
import { useKeys } from '@/lib/query/keys';
import { preferredAlgorithm, type RequestFormValues } from './form-values';

function keyDescription(key: KeySummary): string {
  const size = key.keySize ? ` ${key.keySize}` : '';
  const approval = key.policy ? 'approval required' : 'no approval';
  return `${key.label} (${key.algorithm}${size}, ${approval})`;
}

/** Choice of the CA key and its signature algorithm, with the key's approval policy spelled out. */
export function KeySection({ selectedKey }: { selectedKey: KeySummary | undefined }) {
  const { register, setValue, getValues, formState } = useFormContext<RequestFormValues>();
  const { data: keys, error, isPending, refetch } = useKeys();
  const algorithm = useWatch<RequestFormValues, 'signatureAlgorithm'>({ name: 'signatureAlgorithm' });
  const offered = selectedKey?.signatureAlgorithms ?? [];

  const signKeyName = register('signKeyName', {
    onChange: (event: { target: { value: string } }) => {
      const key = keys?.find((k) => k.label === event.target.value);
      const next = preferredAlgorithm(key?.signatureAlgorithms ?? [], getValues('signatureAlgorithm'));
      if (next) setValue('signatureAlgorithm', next, { shouldValidate: formState.isSubmitted });
    },
  });

  return (
    <Card aria-labelledby="key-heading">
      <CardHeader>
        <CardTitle id="key-heading">2. CA key and approval policy</CardTitle>
        <CardDescription>
          The CA key in the HSM that signs the certificate, and who must approve it.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {error ? (
          <ErrorState
            title="The signing keys could not be loaded."
            message={error.message}
            onRetry={() => void refetch()}
          />
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="signKeyName" label="Signing key" error={formState.errors.signKeyName?.message}>
            <Select {...signKeyName} disabled={isPending || !keys || keys.length === 0}>
              <option value="">
                {isPending ? 'Loading keys…' : keys?.length === 0 ? 'No signing keys' : 'Choose a key'}
              </option>
              {keys?.map((key) => (
                <option key={key.label} value={key.label} disabled={!key.canSign}>
                  {keyDescription(key)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="signatureAlgorithm"
            label="Signature algorithm"
            error={
              formState.errors.signatureAlgorithm
                ? formState.errors.signatureAlgorithm.type === 'server'
                  ? formState.errors.signatureAlgorithm.message
                  : 'Choose a signature algorithm'
                : undefined
            }
          >
            <Select
              {...register('signatureAlgorithm')}
              value={algorithm ?? ''}
              disabled={offered.length === 0}
            >
              {offered.length === 0 ? <option value="">Choose a key first</option> : null}
              {offered.map((a) => (
                <option key={a} value={a}>
                  {signatureAlgorithmLabel(a)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {keys?.length === 0 ? (
          <Alert tone="warn" title="The HSM offers no signing keys.">
            Ask an administrator to create a CA key in the TSB.
          </Alert>
        ) : null}
        {selectedKey ? <KeyPolicy signingKey={selectedKey} /> : null}
      </CardContent>
    </Card>
  );
}

function KeyPolicy({ signingKey }: { signingKey: KeySummary }) {
  return (
    <section aria-labelledby="policy-heading" className="flex flex-col gap-3">
      <h3 id="policy-heading" className="text-sm font-semibold">
        Approval policy of {signingKey.label}
      </h3>
      {signingKey.certificateSubject ? (
        <p className="text-sm text-slate-600">CA certificate: {signingKey.certificateSubject}</p>
      ) : null}
      {signingKey.policy ? (
        <ApprovalBoard approval={signingKey.policy} mode="policy" />
      ) : (
        <Alert tone="info">No approval policy: signs immediately</Alert>
      )}
    </section>
  );
}
