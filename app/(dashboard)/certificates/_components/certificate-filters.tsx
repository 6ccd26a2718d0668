'use client';

import { expiryLabels } from '@/components/certificate/expiry-badge';
import { CheckboxFilter } from '@/components/filters/checkbox-filter';
import { FilterBar } from '@/components/filters/filter-bar';
import { KeyFilter } from '@/components/filters/key-filter';
import { SearchInput } from '@/components/filters/search-input';
import type { UpdateUrlQuery } from '@/components/filters/use-url-query';
import { expiryStates, type CertificateListQuery } from '@/lib/api/dto';

/** The filters the bar sets, so the list can tell whether any is on and clear them all. */
export const certificateFilterNames = ['expiry', 'key', 'q'] as const;

const expiryOptions = expiryStates.map((value) => ({ value, label: expiryLabels[value] }));

type CertificateFiltersProps = {
  query: CertificateListQuery;
  onChange: UpdateUrlQuery<CertificateListQuery>;
};

export function CertificateFilters({ query, onChange }: CertificateFiltersProps) {
  return (
    <FilterBar label="Filter certificates" columns={2}>
      <SearchInput
        id="certificates-search"
        label="Search"
        placeholder="Common name, subject, serial, fingerprint"
        value={query.q ?? ''}
        onChange={(q) => onChange({ q: q || undefined }, { replace: true })}
      />
      <KeyFilter id="certificates-key" value={query.key} onChange={(key) => onChange({ key })} />
      <CheckboxFilter
        legend="Expiry"
        className="md:col-span-2"
        options={expiryOptions}
        value={query.expiry ?? []}
        onChange={(expiry) => onChange({ expiry })}
      />
    </FilterBar>
  );
}
