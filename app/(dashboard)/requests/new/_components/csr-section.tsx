'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { CsrDetails } from '@/components/csr/csr-details';
import type { CsrPreview } from '@/components/csr/preview-csr';
import { PemInput } from '@/components/pki/pem-input';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import type { Decoding } from '@/components/pki/use-decoded';
import type { RequestFormValues } from './form-values';

type CsrSectionProps = {
  decoding: Decoding<CsrPreview>;
  /** Why this CSR cannot be sent (decode error or failed checks), shown on the field. */
  problem: string | null;
};

/** The CSR field (paste, pick or drop) and its live decoding. */
export function CsrSection({ decoding, problem }: CsrSectionProps) {
  const { control } = useFormContext<RequestFormValues>();
  const preview = decoding.state === 'done' ? decoding.result : null;
  const warnings = preview?.ok
    ? [...preview.warnings, ...preview.findings.filter((f) => f.severity === 'warning').map((f) => f.message)]
    : [];

  return (
    <Card aria-labelledby="csr-heading">
      <CardHeader>
        <CardTitle id="csr-heading">1. Certificate signing request</CardTitle>
        <CardDescription>Paste a PKCS#10 CSR, or choose or drop a PEM or DER file.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <Controller
          control={control}
          name="csrPem"
          render={({ field, fieldState }) => (
            <PemInput
              id="csrPem"
              label="CSR (PEM)"
              fileLabel="CSR file"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message ?? problem ?? undefined}
              placeholder={'-----BEGIN CERTIFICATE REQUEST-----\n…\n-----END CERTIFICATE REQUEST-----'}
            />
          )}
        />
        {decoding.state === 'decoding' ? (
          <LoadingRegion label="Decoding the CSR" className="flex flex-col gap-2">
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/3" />
          </LoadingRegion>
        ) : null}
        {preview?.ok ? (
          <section aria-label="Decoded CSR" className="flex flex-col gap-4">
            {warnings.length > 0 ? (
              <Alert tone="warn" role="status" title="Worth a look">
                <ul className="list-disc pl-5">
                  {warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <CsrDetails csr={preview.view} />
          </section>
        ) : null}
      </CardContent>
    </Card>
  );
}
