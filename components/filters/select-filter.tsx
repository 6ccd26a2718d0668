import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { cn } from '@/components/ui/cn';

type SelectFilterProps = {
  id: string;
  label: string;
  /** '' stands for no filter. */
  value: string;
  options: readonly { value: string; label: string }[];
  /** The text of the no-filter choice, e.g. "All keys". */
  anyLabel: string;
  onChange: (value: string) => void;
  className?: string;
};

/** One-of filter with an "any" choice. A value from a shared link that is not among the options stays shown. */
export function SelectFilter({
  id,
  label,
  value,
  options,
  anyLabel,
  onChange,
  className,
}: SelectFilterProps) {
  const shown =
    value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
