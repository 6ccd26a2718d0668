'use client';

import { useId, useState } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { cn } from '@/components/ui/cn';

type CheckboxFilterProps<V extends string> = {
  legend: string;
  options: readonly { value: V; label: string }[];
  /** Nothing checked means no filter. */
  value: readonly V[];
  onChange: (value: V[]) => void;
  className?: string;
};

/** Any-of filter: each option a checkbox, kept in the order of `options`. */
export function CheckboxFilter<V extends string>({
  legend,
  options,
  value,
  onChange,
  className,
}: CheckboxFilterProps<V>) {
  const prefix = useId();
  // The boxes show a click at once; the address bar, and so `value`, follows a moment later.
  const valueKey = value.join(',');
  const [shown, setShown] = useState({ key: valueKey, checked: value });
  if (shown.key !== valueKey) setShown({ key: valueKey, checked: value });
  function toggle(option: V, checked: boolean) {
    const next = new Set(shown.checked);
    if (checked) next.add(option);
    else next.delete(option);
    const ordered = options.map((o) => o.value).filter((v) => next.has(v));
    setShown({ key: valueKey, checked: ordered });
    onChange(ordered);
  }
  return (
    <fieldset className={cn('flex flex-col gap-1.5', className)}>
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((option) => (
          <div key={option.value} className="flex items-center gap-2">
            <Checkbox
              id={`${prefix}-${option.value}`}
              checked={shown.checked.includes(option.value)}
              onCheckedChange={(checked) => toggle(option.value, checked === true)}
            />
            <Label htmlFor={`${prefix}-${option.value}`} className="font-normal">
              {option.label}
            </Label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
