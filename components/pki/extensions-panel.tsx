import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import type { ExtensionView } from '@/lib/pki';
import { Copyable } from './copyable';
import { extensionRows, type ExtensionRow } from './extension-rows';

/** Every extension by name, its critical flag and its decoded value; unknown ones as OID and hex. */
export function ExtensionsPanel({
  extensions,
  emptyText,
}: {
  extensions: ExtensionView[];
  emptyText: string;
}) {
  if (extensions.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Extensions">
      {extensions.map((extension, index) => (
        <ExtensionItem key={`${extension.oid}-${index}`} extension={extension} />
      ))}
    </ul>
  );
}

function ExtensionItem({ extension }: { extension: ExtensionView }) {
  const headingId = useId();
  const decoded = extensionRows(extension.value);
  const rows: ExtensionRow[] =
    decoded.length > 0 || extension.value.kind !== 'unknown'
      ? decoded
      : [{ label: 'Value (DER, hex)', value: extension.hex, mono: true }];
  return (
    <li aria-labelledby={headingId} className="rounded-md border border-slate-200 px-3 py-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span id={headingId} className="font-medium">
          {extension.name}
        </span>
        <Copyable text={extension.oid} what={`${extension.name} OID`} mono />
        {extension.critical ? (
          <Badge tone="warn">critical</Badge>
        ) : (
          <Badge tone="neutral">not critical</Badge>
        )}
        {extension.value.kind === 'unknown' && !extension.error ? (
          <Badge tone="neutral">not decoded</Badge>
        ) : null}
      </p>
      {extension.error ? (
        <p className="mt-1 text-sm text-danger">
          Could not be parsed ({extension.error}); its raw bytes are shown.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr]">
          {rows.map((row, index) => (
            <ExtensionValueRow key={index} row={row} extensionName={extension.name} />
          ))}
        </dl>
      ) : null}
    </li>
  );
}

function ExtensionValueRow({ row, extensionName }: { row: ExtensionRow; extensionName: string }) {
  const termId = useId();
  return (
    <div className="contents">
      <dt id={termId} className="text-slate-600">
        {row.label}
      </dt>
      <dd aria-labelledby={termId} className="min-w-0">
        <Copyable text={row.value} what={`${extensionName} ${row.label}`} mono={row.mono} />
      </dd>
    </div>
  );
}
