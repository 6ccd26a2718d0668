'use client';

import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { WarningList } from '@/components/ui/alert';
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

type UsageFieldsetProps<T extends string> = {
  name: 'keyUsage' | 'extendedKeyUsage';
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
};

/** One checkbox per usage, grouped under a legend, with the group's error read out with it. */
function UsageFieldset<T extends string>({ name, legend, options, labels }: UsageFieldsetProps<T>) {
  const { control } = useFormContext<RequestFormValues>();
  const errorId = `${name}-error`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const value = field.value as T[];
        return (
          <fieldset className="flex flex-col gap-2" aria-describedby={fieldState.error ? errorId : undefined}>
            <legend className="mb-1 text-sm font-semibold">{legend}</legend>
            {options.map((usage) => (
              <div key={usage} className="flex items-center gap-2">
                <Checkbox
                  id={`${name}-${usage}`}
                  checked={value.includes(usage)}
                  onCheckedChange={(on) => field.onChange(toggle(options, value, usage, on === true))}
                  onBlur={field.onBlur}
                />
                <Label htmlFor={`${name}-${usage}`} className="font-normal">
                  {labels[usage]}
                </Label>
              </div>
            ))}
            <FieldError id={errorId} message={fieldState.error?.message} />
          </fieldset>
        );
      }}
    />
  );
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
          <UsageFieldset name="keyUsage" legend="Key usage" options={keyUsages} labels={keyUsageLabels} />
          <UsageFieldset
            name="extendedKeyUsage"
            legend="Extended key usage"
            options={extendedKeyUsages}
            labels={extendedKeyUsageLabels}
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
        <WarningList title="Check these usages" warnings={warnings} />
      </CardContent>
    </Card>
  );
}
