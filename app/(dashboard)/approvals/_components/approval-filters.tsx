'use client';

import { CheckboxFilter } from '@/components/filters/checkbox-filter';
import { SearchInput } from '@/components/filters/search-input';
import { SelectFilter } from '@/components/filters/select-filter';
import { statusOptions } from '@/components/requests/status-badge';
import { useKeys } from '@/lib/query/keys';
import { queueStatuses, type QueueQuery } from './queue-query';

type ApprovalFiltersProps = {
  query: QueueQuery;
  onChange: (patch: Partial<QueueQuery>, options?: { replace?: boolean }) => void;
};

export function ApprovalFilters({ query, onChange }: ApprovalFiltersProps) {
  const keys = useKeys();
  const keyOptions = (keys.data ?? [])
    .filter((k) => k.policy)
    .map((k) => ({ value: k.label, label: k.label }));
  return (
    <div
      role="search"
      aria-label="Filter approvals"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3"
    >
      <SearchInput
        id="queue-search"
        label="Search"
        placeholder="Common name, request id, TSB id"
        value={query.q ?? ''}
        onChange={(q) => onChange({ q: q || undefined }, { replace: true })}
      />
      <SelectFilter
        id="queue-key"
        label="Signing key"
        anyLabel="All keys"
        value={query.key ?? ''}
        options={keyOptions}
        onChange={(key) => onChange({ key: key || undefined })}
      />
      <SearchInput
        id="queue-requester"
        label="Requester"
        placeholder="Exact user name"
        value={query.requester ?? ''}
        onChange={(requester) => onChange({ requester: requester || undefined }, { replace: true })}
      />
      <CheckboxFilter
        legend="Status"
        className="md:col-span-3"
        options={statusOptions(queueStatuses)}
        value={query.status ?? []}
        onChange={(status) => onChange({ status })}
      />
    </div>
  );
}
