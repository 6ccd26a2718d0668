'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { CsrInspector } from '@/components/csr/csr-inspector';
import type { CsrPreview } from '@/components/csr/preview-csr';
import { PemInput } from '@/components/pki/pem-input';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { Decoding } from '@/components/pki/use-decoded';
import type { RequestFormValues } from './form-values';

type CsrSectionProps = {
  decoding: Decoding<CsrPreview>;
  /** Why this CSR cannot be sent (decode error or failed checks), shown on the field. */
  problem: string | null;
};

/** The CSR field (paste, pick or drop) and its live decoding with the checks' findings. */
export function CsrSection({ decoding, problem }: CsrSectionProps) {
  const { control } = useFormContext<RequestFormValues>();
  const preview = decoding.state === 'done' ? decoding.result : null;
  // Errors are spelled out on the field they block; the findings list names them without repeating them.
  const blocking = new Set(
    preview?.ok ? preview.findings.filter((f) => f.severity === 'error').map((f) => f.code) : [],
  );

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
        {decoding.state === 'decoding' || preview?.ok ? (
          <section aria-label="Decoded CSR">
            <CsrInspector
              decoding={decoding}
              describedElsewhere={{
                codes: blocking,
                where: 'Blocks submission: see the message on the CSR field.',
              }}
            />
          </section>
        ) : null}
      </CardContent>
    </Card>
  );
}
