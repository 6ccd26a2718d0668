'use client';

import { CheckboxFilter } from '@/components/filters/checkbox-filter';
import { SearchInput } from '@/components/filters/search-input';
import { SelectFilter } from '@/components/filters/select-filter';
import { statusOptions } from '@/components/requests/status-badge';
import { requestStatuses, type RequestListQuery } from '@/lib/api/dto';
import { useKeys } from '@/lib/query/keys';

type RequestFiltersProps = {
  query: RequestListQuery;
  onChange: (patch: Partial<RequestListQuery>, options?: { replace?: boolean }) => void;
};

export function RequestFilters({ query, onChange }: RequestFiltersProps) {
  const keys = useKeys();
  const keyOptions = (keys.data ?? []).map((k) => ({ value: k.label, label: k.label }));
  return (
    <div
      role="search"
      aria-label="Filter requests"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3"
    >
      <SearchInput
        id="requests-search"
        label="Search"
        placeholder="Common name, request id, TSB id"
        value={query.q ?? ''}
        onChange={(q) => onChange({ q: q || undefined }, { replace: true })}
      />
      <SelectFilter
        id="requests-key"
        label="Signing key"
        anyLabel="All keys"
        value={query.key ?? ''}
        options={keyOptions}
        onChange={(key) => onChange({ key: key || undefined })}
      />
      <SearchInput
        id="requests-requester"
        label="Requester"
        placeholder="Exact user name"
        value={query.requester ?? ''}
        onChange={(requester) => onChange({ requester: requester || undefined }, { replace: true })}
      />
      <CheckboxFilter
        legend="Status"
        className="md:col-span-3"
        options={statusOptions(requestStatuses)}
        value={query.status ?? []}
        onChange={(status) => onChange({ status })}
      />
    </div>
  );
}
