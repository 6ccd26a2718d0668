/** UTC, to the millisecond, as the log stores it: "2026-11-28 11:44:13.123 UTC". */
export function formatUtc(iso: string): string {
  return `${iso.replace('T', ' ').replace(/Z$/, '')} UTC`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A record's details as "key: value" pairs; values render as plain text, whatever they hold. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details).filter(([key]) => key !== 'attempt');
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="flex flex-col gap-0.5 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-1">
          <dt className="text-slate-500">{key}:</dt>
          <dd className="break-all font-mono text-slate-800">{text(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
