'use client';

import { useFormContext } from 'react-hook-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { RequestFormValues } from './form-values';

/** Common name of the certificate and the reason shown to approvers. */
export function NameSection({ onCommonNameEdited }: { onCommonNameEdited: () => void }) {
  const { register, formState } = useFormContext<RequestFormValues>();
  return (
    <Card aria-labelledby="name-heading">
      <CardHeader>
        <CardTitle id="name-heading">4. Name and reason</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <Field
          id="commonName"
          label="Common name"
          hint="Taken from the CSR until you change it."
          error={formState.errors.commonName?.message}
        >
          <Input {...register('commonName', { onChange: onCommonNameEdited })} autoComplete="off" />
        </Field>
        <Field
          id="reason"
          label="Reason for the approvers"
          hint="Shown to the approvers with the request."
          error={formState.errors.reason?.message}
        >
          <Textarea {...register('reason')} rows={3} maxLength={500} />
        </Field>
      </CardContent>
    </Card>
  );
}
