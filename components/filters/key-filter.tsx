'use client';

import type { KeySummary } from '@/lib/api/dto';
import { useKeys } from '@/lib/query/keys';
import { SelectFilter } from './select-filter';

type KeyFilterProps = {
  id: string;
  value: string | undefined;
  onChange: (key: string | undefined) => void;
  /** Which keys to offer; every key when left out. */
  offer?: (key: KeySummary) => boolean;
};

/** "Signing key": one of the HSM's keys, or all of them. */
export function KeyFilter({ id, value, onChange, offer = () => true }: KeyFilterProps) {
  const keys = useKeys();
  const options = (keys.data ?? []).filter(offer).map((k) => ({ value: k.label, label: k.label }));
  return (
    <SelectFilter
      id={id}
      label="Signing key"
      anyLabel="All keys"
      value={value ?? ''}
      options={options}
      onChange={(key) => onChange(key || undefined)}
    />
  );
}
