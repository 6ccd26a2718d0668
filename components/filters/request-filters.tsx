'use client';

import { statusOptions } from '@/components/requests/status-badge';
import type { KeySummary, RequestStatus } from '@/lib/api/dto';
import { CheckboxFilter } from './checkbox-filter';
import { FilterBar } from './filter-bar';
import { KeyFilter } from './key-filter';
import { SearchInput } from './search-input';
import type { UpdateUrlQuery } from './use-url-query';

/** The filters the bar sets, so a list can tell whether any is on and clear them all. */
export const requestFilterNames = ['status', 'key', 'requester', 'q'] as const;

type RequestFilterValues<S extends RequestStatus> = {
  q?: string;
  key?: string;
  requester?: string;
  status?: S[];
};

type RequestFiltersProps<S extends RequestStatus> = {
  /** Names the search landmark, e.g. "Filter requests". */
  label: string;
  /** Starts the controls' ids, which must be unique on the page. */
  idPrefix: string;
  /** The statuses offered, in this order. */
  statuses: readonly S[];
  /** Which signing keys to offer; every key when left out. */
  offerKey?: (key: KeySummary) => boolean;
  query: RequestFilterValues<S>;
  onChange: UpdateUrlQuery<RequestFilterValues<S>>;
};

/** Search, signing key, requester and status: the filters of every list of requests. */
export function RequestFilters<S extends RequestStatus>({
  label,
  idPrefix,
  statuses,
  offerKey,
  query,
  onChange,
}: RequestFiltersProps<S>) {
  return (
    <FilterBar label={label} columns={3}>
      <SearchInput
        id={`${idPrefix}-search`}
        label="Search"
        placeholder="Common name, request id, TSB id"
        value={query.q ?? ''}
        onChange={(q) => onChange({ q: q || undefined }, { replace: true })}
      />
      <KeyFilter
        id={`${idPrefix}-key`}
        value={query.key}
        offer={offerKey}
        onChange={(key) => onChange({ key })}
      />
      <SearchInput
        id={`${idPrefix}-requester`}
        label="Requester"
        placeholder="Exact user name"
        value={query.requester ?? ''}
        onChange={(requester) => onChange({ requester: requester || undefined }, { replace: true })}
      />
      <CheckboxFilter
        legend="Status"
        className="md:col-span-3"
        options={statusOptions(statuses)}
        value={query.status ?? []}
        onChange={(status) => onChange({ status })}
      />
    </FilterBar>
  );
}
