import { useId, type ComponentProps } from 'react';
import { FindingsList } from '@/components/pki/findings-list';
import { WarningList } from '@/components/ui/alert';
import { DescriptionList, type DescriptionItem } from '@/components/ui/description-list';
import type { Finding } from '@/lib/pki';

type OverviewLayoutProps = {
  items: DescriptionItem[];
  findings: Finding[];
  warnings: string[];
  describedElsewhere?: ComponentProps<typeof FindingsList>['describedElsewhere'];
};

/** The Overview tab of a certificate or a CSR: decoding notes, the decoded fields, then the lint findings. */
export function OverviewLayout({ items, findings, warnings, describedElsewhere }: OverviewLayoutProps) {
  const lintHeading = useId();
  return (
    <div className="flex flex-col gap-5">
      <WarningList title="Decoding notes" warnings={warnings} />
      <DescriptionList items={items} />
      <section aria-labelledby={lintHeading} className="flex flex-col gap-2">
        <h3 id={lintHeading} className="text-sm font-semibold">
          Lint findings
        </h3>
        <FindingsList
          findings={findings}
          emptyText="No lint findings."
          describedElsewhere={describedElsewhere}
        />
      </section>
    </div>
  );
}
