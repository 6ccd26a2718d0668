'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { importCertificateSchema, type HsmImport, type ImportCertificate } from '@/lib/api/dto';
import { isApiError } from '@/lib/api/fetcher';
import { confirmedLabel, importUnknownCode } from '@/lib/api/hsm-import';
import { useImportCertificate } from '@/lib/query/requests';

/**
 * Stores the issued certificate in the HSM under a label; once done, says where it went. While an import's
 * answer is lost the form stays, so that it can be retried (the request's error says why).
 */
export function ImportForm({ id, hsmImport }: { id: string; hsmImport: HsmImport }) {
  const importCertificate = useImportCertificate(id);
  const { register, handleSubmit, setError, formState } = useForm<ImportCertificate>({
    resolver: zodResolver(importCertificateSchema),
    defaultValues: { label: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await importCertificate.mutateAsync(values);
    } catch (error) {
      if (!isApiError(error)) throw error;
      const labelIssues = error.issues.label;
      setError(labelIssues ? 'label' : 'root.server', {
        // A lost answer is not a refusal: the key may hold the certificate (import_unknown).
        type: error.code,
        message: labelIssues?.join(' ') ?? error.message,
      });
    }
  });

  const label = confirmedLabel(hsmImport);
  const imported = label ? <Alert tone="ok">Imported into the HSM as {label}</Alert> : null;
  if (hsmImport.state === 'imported') return imported;

  return (
    <section aria-labelledby="import-heading" className="flex flex-col gap-3">
      {imported}
      <h3 id="import-heading" className="text-sm font-semibold">
        Import into the HSM
      </h3>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
        <Field
          id="import-label"
          label="Key label"
          hint="Usually the label of the key the CSR was made from."
          error={formState.errors.label?.message}
          className="min-w-64 flex-1"
        >
          <Input {...register('label')} autoComplete="off" />
        </Field>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Importing…' : 'Import into HSM'}
        </Button>
      </form>
      {formState.errors.root?.server ? (
        <Alert
          tone="danger"
          title={
            formState.errors.root.server.type === importUnknownCode
              ? 'Whether the certificate was imported is not known.'
              : 'The certificate was not imported.'
          }
        >
          {formState.errors.root.server.message}
        </Alert>
      ) : null}
    </section>
  );
}
