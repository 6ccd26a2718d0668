'use client';

import { expiryLabels } from '@/components/certificate/expiry-badge';
import { CheckboxFilter } from '@/components/filters/checkbox-filter';
import { SearchInput } from '@/components/filters/search-input';
import { SelectFilter } from '@/components/filters/select-filter';
import { expiryStates, type CertificateListQuery } from '@/lib/api/dto';
import { useKeys } from '@/lib/query/keys';

type CertificateFiltersProps = {
  query: CertificateListQuery;
  onChange: (patch: Partial<CertificateListQuery>, options?: { replace?: boolean }) => void;
};

const expiryOptions = expiryStates.map((value) => ({ value, label: expiryLabels[value] }));

export function CertificateFilters({ query, onChange }: CertificateFiltersProps) {
  const keys = useKeys();
  const keyOptions = (keys.data ?? []).map((k) => ({ value: k.label, label: k.label }));
  return (
    <div
      role="search"
      aria-label="Filter certificates"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2"
    >
      <SearchInput
        id="certificates-search"
        label="Search"
        placeholder="Common name, subject, serial, fingerprint"
        value={query.q ?? ''}
        onChange={(q) => onChange({ q: q || undefined }, { replace: true })}
      />
      <SelectFilter
        id="certificates-key"
        label="Signing key"
        anyLabel="All keys"
        value={query.key ?? ''}
        options={keyOptions}
        onChange={(key) => onChange({ key: key || undefined })}
      />
      <CheckboxFilter
        legend="Expiry"
        className="md:col-span-2"
        options={expiryOptions}
        value={query.expiry ?? []}
        onChange={(expiry) => onChange({ expiry })}
      />
    </div>
  );
}
