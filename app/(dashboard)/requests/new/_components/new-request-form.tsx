'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { FormProvider, useForm, useWatch, type DefaultValues } from 'react-hook-form';
import { csrProblem, previewCsr } from '@/components/csr/preview-csr';
import { useDecoded } from '@/components/pki/use-decoded';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { submitRequestSchema, type SubmitRequest } from '@/lib/api/dto';
import { isApiError } from '@/lib/api/fetcher';
import { loginUrl } from '@/lib/auth/next-path';
import { useKeys } from '@/lib/query/keys';
import { useSubmitRequest } from '@/lib/query/requests';
import { isFormField, type RequestFormValues } from './form-values';
import { CsrSection } from './csr-section';
import { forgetRestoredDraft, saveDraft, useRestoredDraft } from './draft';
import { KeySection } from './key-section';
import { NameSection } from './name-section';
import { UsageSection } from './usage-section';

// No signature algorithm until a key is chosen: it is picked from the algorithms that key offers.
const defaultValues: DefaultValues<RequestFormValues> = {
  csrPem: '',
  signKeyName: '',
  commonName: '',
  certificateAuthority: false,
  keyUsage: [],
  extendedKeyUsage: [],
  reason: '',
};

export function NewRequestForm() {
  const router = useRouter();
  const form = useForm<RequestFormValues, unknown, SubmitRequest>({
    resolver: zodResolver(submitRequestSchema),
    defaultValues,
  });
  const { control, handleSubmit, setError, setValue, getValues, reset, formState } = form;
  const submit = useSubmitRequest();
  const { data: keys } = useKeys();

  const [csrPem, signKeyName] = useWatch({ control, name: ['csrPem', 'signKeyName'] });
  const decoding = useDecoded(csrPem, previewCsr);
  const preview = decoding.state === 'done' ? decoding.result : null;
  const problem = preview ? csrProblem(preview) : null;
  const selectedKey = keys?.find((k) => k.label === signKeyName);

  // The common name follows the CSR until the operator types their own.
  const commonNameEdited = useRef(false);

  // Back from signing in again: what was typed before is put back, once.
  const restored = useRestoredDraft();
  // Applied once the keys are listed, so that the chosen key's option exists when it is selected.
  const restoreApplied = useRef(false);
  useEffect(() => {
    if (!restored || !keys || restoreApplied.current) return;
    restoreApplied.current = true;
    commonNameEdited.current = Boolean(restored.commonName);
    reset({ ...defaultValues, ...restored });
  }, [restored, keys, reset]);
  // Forgotten when leaving the form only: hydration re-runs the effect above with the draft.
  useEffect(() => forgetRestoredDraft, []);
  const csrCommonName = preview?.ok ? preview.view.commonName : null;
  useEffect(() => {
    if (csrCommonName !== null && !commonNameEdited.current) setValue('commonName', csrCommonName);
  }, [csrCommonName, setValue]);

  const onSubmit = handleSubmit(async (values) => {
    // The browser never sends a CSR it could not read or that failed its checks.
    if (decoding.state !== 'done' || problem) return;
    try {
      const created = await submit.mutateAsync(values);
      router.push(`/requests/${created.id}`);
    } catch (error) {
      if (!isApiError(error)) throw error;
      // Submitting needs a recent sign-in (or any, once the session ended): keep the draft, sign in, come back.
      if (error.status === 401) {
        saveDraft(getValues());
        window.location.assign(loginUrl('/requests/new', error.code === 'reauth_required'));
        return;
      }
      let focus = true;
      for (const [field, messages] of Object.entries(error.issues)) {
        if (!isFormField(field)) continue;
        setError(field, { type: 'server', message: messages.join(' ') }, { shouldFocus: focus });
        focus = false;
      }
      setError('root.server', { type: String(error.status), message: error.message });
    }
  });

  const blocked = decoding.state === 'decoding' || problem !== null;
  const busy = formState.isSubmitting || submit.isSuccess;
  const serverError = formState.errors.root?.server?.message;

  return (
    <FormProvider {...form}>
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-6"
        aria-label="New certificate request"
      >
        {restored ? (
          <Alert tone="info" title="Your request is as you left it.">
            You signed in again; check it and submit.
          </Alert>
        ) : null}
        <CsrSection decoding={decoding} problem={problem} />
        <KeySection selectedKey={selectedKey} />
        <UsageSection keyAlgorithm={preview?.ok ? preview.view.publicKey.algorithm : null} />
        <NameSection onCommonNameEdited={() => (commonNameEdited.current = true)} />
        {serverError ? (
          <Alert tone="danger" title="The request was not submitted.">
            {serverError}
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={busy || blocked}>
            {busy ? 'Submitting…' : selectedKey && !selectedKey.policy ? 'Sign now' : 'Submit for approval'}
          </Button>
          {problem ? <p className="text-sm text-danger">Fix the CSR before submitting.</p> : null}
        </div>
      </form>
    </FormProvider>
  );
}
