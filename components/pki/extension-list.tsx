import { Badge } from '@/components/ui/badge';
import type { ExtensionView } from '@/lib/pki';

/** Extensions by name with their decoded lines, like `openssl x509 -text`; unknown ones show hex. */
export function ExtensionList({ extensions, emptyText }: { extensions: ExtensionView[]; emptyText: string }) {
  if (extensions.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {extensions.map((extension, index) => (
        <li key={`${extension.oid}-${index}`} className="rounded-md border border-slate-200 px-3 py-2">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
            <span>{extension.name}</span>
            {extension.name !== extension.oid ? (
              <span className="font-mono text-xs text-slate-500">{extension.oid}</span>
            ) : null}
            {extension.critical ? <Badge tone="warn">critical</Badge> : null}
          </p>
          <ul className="mt-1 flex flex-col gap-0.5 font-mono text-xs break-all text-slate-800">
            {extension.lines.map((line, lineIndex) => (
              <li key={lineIndex}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
