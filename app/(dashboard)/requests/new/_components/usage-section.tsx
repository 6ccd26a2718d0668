'use client';

import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldError } from '@/components/ui/field';
import { Label } from '@/components/ui/label';
// The pure parts of lib/pki, imported directly so the form does not wait for the X.509 decoder's chunk.
import { keyUsageWarnings, usagePresets, type UsagePreset } from '@/lib/pki/presets';
import { extendedKeyUsageLabels, extendedKeyUsages, keyUsageLabels, keyUsages } from '@/lib/pki/usages';
import type { RequestFormValues } from './form-values';

/** Toggles `item` in `list`, keeping the canonical order of `all`. */
function toggle<T extends string>(all: readonly T[], list: readonly T[], item: T, on: boolean): T[] {
  const next = new Set(list);
  if (on) next.add(item);
  else next.delete(item);
  return all.filter((x) => next.has(x));
}

/** Key usages, extended key usages and the CA flag the certificate will carry. */
export function UsageSection({ keyAlgorithm }: { keyAlgorithm: string | null }) {
  const { control, setValue, formState } = useFormContext<RequestFormValues>();
  const [keyUsage = [], extendedKeyUsage = [], certificateAuthority = false] = useWatch<
    RequestFormValues,
    ['keyUsage', 'extendedKeyUsage', 'certificateAuthority']
  >({ name: ['keyUsage', 'extendedKeyUsage', 'certificateAuthority'] });
  const warnings = keyUsageWarnings({ keyUsage, extendedKeyUsage, certificateAuthority, keyAlgorithm });

  function applyPreset(preset: UsagePreset) {
    const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    setValue('keyUsage', [...preset.keyUsage], options);
    setValue('extendedKeyUsage', [...preset.extendedKeyUsage], options);
    setValue('certificateAuthority', preset.certificateAuthority, options);
  }

  return (
    <Card aria-labelledby="usage-heading">
      <CardHeader>
        <CardTitle id="usage-heading">3. Usages</CardTitle>
        <CardDescription>
          What the issued certificate may be used for. The HSM signs exactly these, whatever the CSR asks.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <div role="group" aria-label="Usage presets" className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600">Presets:</span>
          {usagePresets.map((preset) => (
            <Button key={preset.id} variant="secondary" size="sm" onClick={() => applyPreset(preset)}>
              {preset.label}
            </Button>
          ))}
        </div>
        <div className="grid gap-6 md:grid-cols-2">
          <Controller
            control={control}
            name="keyUsage"
            render={({ field, fieldState }) => (
              <fieldset
                className="flex flex-col gap-2"
                aria-describedby={fieldState.error ? 'keyUsage-error' : undefined}
              >
                <legend className="mb-1 text-sm font-semibold">Key usage</legend>
                {keyUsages.map((usage) => (
                  <div key={usage} className="flex items-center gap-2">
                    <Checkbox
                      id={`ku-${usage}`}
                      checked={field.value.includes(usage)}
                      onCheckedChange={(on) =>
                        field.onChange(toggle(keyUsages, field.value, usage, on === true))
                      }
                      onBlur={field.onBlur}
                    />
                    <Label htmlFor={`ku-${usage}`} className="font-normal">
                      {keyUsageLabels[usage]}
                    </Label>
                  </div>
                ))}
                <FieldError id="keyUsage-error" message={fieldState.error?.message} />
              </fieldset>
            )}
          />
          <Controller
            control={control}
            name="extendedKeyUsage"
            render={({ field, fieldState }) => (
              <fieldset
                className="flex flex-col gap-2"
                aria-describedby={fieldState.error ? 'extendedKeyUsage-error' : undefined}
              >
                <legend className="mb-1 text-sm font-semibold">Extended key usage</legend>
                {extendedKeyUsages.map((usage) => (
                  <div key={usage} className="flex items-center gap-2">
                    <Checkbox
                      id={`eku-${usage}`}
                      checked={field.value.includes(usage)}
                      onCheckedChange={(on) =>
                        field.onChange(toggle(extendedKeyUsages, field.value, usage, on === true))
                      }
                      onBlur={field.onBlur}
                    />
                    <Label htmlFor={`eku-${usage}`} className="font-normal">
                      {extendedKeyUsageLabels[usage]}
                    </Label>
                  </div>
                ))}
                <FieldError id="extendedKeyUsage-error" message={fieldState.error?.message} />
              </fieldset>
            )}
          />
        </div>
        <Controller
          control={control}
          name="certificateAuthority"
          render={({ field }) => (
            <div className="flex items-center gap-2">
              <Checkbox
                id="certificateAuthority"
                checked={field.value}
                onCheckedChange={(on) => field.onChange(on === true)}
                onBlur={field.onBlur}
              />
              <Label htmlFor="certificateAuthority">Certificate authority (CA:TRUE)</Label>
            </div>
          )}
        />
        {warnings.length > 0 ? (
          <Alert tone="warn" role="status" title="Check these usages">
            <ul className="list-disc pl-5">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
