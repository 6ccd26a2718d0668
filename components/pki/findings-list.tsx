import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Finding, Severity } from '@/lib/pki';

const tones: Record<Severity, BadgeTone> = { error: 'danger', warning: 'warn', notice: 'info' };
const order: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Lint findings, errors first, each with its severity and its code (zlint's name where one exists).
 * `describedElsewhere` lists codes whose message is already shown next to the input they block; those
 * keep their row and code but point there instead of repeating the text.
 */
export function FindingsList({
  findings,
  emptyText,
  describedElsewhere,
}: {
  findings: Finding[];
  emptyText: string;
  describedElsewhere?: { codes: ReadonlySet<string>; where: string };
}) {
  if (findings.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className="flex flex-col gap-2" aria-label="Lint findings">
      {sorted.map((finding, index) => (
        <li key={`${finding.code}-${index}`} className="flex flex-wrap items-baseline gap-2 text-sm">
          <Badge tone={tones[finding.severity]}>{finding.severity}</Badge>
          <code className="font-mono text-xs text-slate-600">{finding.code}</code>
          <span className="min-w-[16rem] flex-1 text-slate-900">
            {describedElsewhere?.codes.has(finding.code) ? describedElsewhere.where : finding.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
