'use client';

import { CheckboxFilter } from '@/components/filters/checkbox-filter';
import { FilterBar } from '@/components/filters/filter-bar';
import { SearchInput } from '@/components/filters/search-input';
import { SelectFilter } from '@/components/filters/select-filter';
import type { UpdateUrlQuery } from '@/components/filters/use-url-query';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { auditOutcomes } from '@/lib/audit/dto';
import type { AuditPageQuery } from '@/lib/query/audit';

/** The filters the bar sets, so the log can tell whether any is on and clear them all. */
export const auditFilterNames = ['action', 'actor', 'target', 'outcome', 'from', 'to', 'q'] as const;

type AuditFiltersProps = {
  query: AuditPageQuery;
  onChange: UpdateUrlQuery<AuditPageQuery>;
};

// A verb also selects its sub-verbs: "request.submit" lists intents and outcomes, "user" every user change.
const actionOptions = [
  { value: 'request.submit', label: 'Submit (request.submit)' },
  { value: 'request.cancel', label: 'Cancel (request.cancel)' },
  { value: 'certificate.import', label: 'Import (certificate.import)' },
  { value: 'certificate.download', label: 'Download (certificate.download)' },
  { value: 'auth', label: 'Sign-in and sign-out (auth.*)' },
  { value: 'authz.denied', label: 'Denied authorization (authz.denied)' },
  { value: 'user', label: 'User management (user.*)' },
  { value: 'token', label: 'API tokens (token.*)' },
  { value: 'audit', label: 'Audit log reads (audit.*)' },
];

const outcomeOptions = auditOutcomes.map((value) => ({
  value,
  label: value[0]!.toUpperCase() + value.slice(1),
}));

function DayInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (day: string | undefined) => void;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="date"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      />
    </div>
  );
}

export function AuditFilters({ query, onChange }: AuditFiltersProps) {
  return (
    <FilterBar label="Filter audit events" columns={3}>
      <SearchInput
        id="audit-search"
        label="Search"
        placeholder="Action, target, e-mail, CSR hash, details"
        value={query.q ?? ''}
        onChange={(q) => onChange({ q: q || undefined }, { replace: true })}
      />
      <SelectFilter
        id="audit-action"
        label="Action"
        anyLabel="All actions"
        value={query.action ?? ''}
        options={actionOptions}
        onChange={(action) => onChange({ action: action || undefined })}
      />
      <SearchInput
        id="audit-actor"
        label="Actor (exact e-mail or user id)"
        value={query.actor ?? ''}
        onChange={(actor) => onChange({ actor: actor || undefined }, { replace: true })}
      />
      <SearchInput
        id="audit-target"
        label="Target (exact, e.g. request:<id>)"
        value={query.target ?? ''}
        onChange={(target) => onChange({ target: target || undefined }, { replace: true })}
      />
      <DayInput
        id="audit-from"
        label="From (UTC day)"
        value={query.from}
        onChange={(from) => onChange({ from })}
      />
      <DayInput
        id="audit-to"
        label="To (UTC day, inclusive)"
        value={query.to}
        onChange={(to) => onChange({ to })}
      />
      <CheckboxFilter
        legend="Outcome"
        className="md:col-span-3"
        options={outcomeOptions}
        value={query.outcome ?? []}
        onChange={(outcome) => onChange({ outcome })}
      />
    </FilterBar>
  );
}
