'use client';

import { Copyable } from '@/components/pki/copyable';
import { colonHex, publicKeyText } from '@/components/pki/format';
import { OverviewLayout } from '@/components/pki/overview-layout';
import { SanList } from '@/components/pki/san-list';
import { Badge } from '@/components/ui/badge';
import { type DescriptionItem } from '@/components/ui/description-list';
import type { CsrView, Finding } from '@/lib/pki';
import { extendedKeyUsageLabels, keyUsageLabels, type ExtendedKeyUsage } from '@/lib/pki/usages';

type CsrOverviewProps = {
  view: CsrView;
  findings: Finding[];
  warnings: string[];
  /** Codes whose message is already shown on the CSR field (the new-request form). */
  describedElsewhere?: { codes: ReadonlySet<string>; where: string };
};

/** Who the CSR names, its key, what it asks for, whether its signature holds, and the checks' findings. */
export function CsrOverview({ view, findings, warnings, describedElsewhere }: CsrOverviewProps) {
  return (
    <OverviewLayout
      items={[...identityItems(view), ...requestedItems(view)]}
      findings={findings}
      warnings={warnings}
      describedElsewhere={describedElsewhere}
    />
  );
}

function identityItems(view: CsrView): DescriptionItem[] {
  return [
    {
      term: 'Subject',
      detail: (
        <Copyable text={view.subject.text} what="subject">
          {view.subject.text || <em>empty</em>}
        </Copyable>
      ),
    },
    {
      term: 'Common name',
      detail: view.commonName ? <Copyable text={view.commonName} what="common name" /> : <em>none</em>,
    },
    { term: 'Subject alternative names', detail: <SanList sans={view.sans} /> },
    { term: 'Public key', detail: <Copyable text={publicKeyText(view.publicKey)} what="public key" /> },
    {
      term: 'Public key SHA-256',
      detail: <Copyable text={colonHex(view.publicKey.spkiSha256)} what="public key SHA-256" mono />,
    },
    {
      term: 'Signature',
      detail: (
        <span className="flex flex-wrap items-center gap-2">
          <Copyable text={view.signatureAlgorithm.name} what="signature algorithm" />
          {view.signatureValid ? (
            <Badge tone="ok">valid</Badge>
          ) : (
            <Badge tone="danger">does not verify</Badge>
          )}
        </span>
      ),
    },
    { term: 'SHA-256', detail: <Copyable text={colonHex(view.sha256)} what="CSR SHA-256" mono /> },
  ];
}

const ekuLabel = (name: string) => extendedKeyUsageLabels[name as ExtendedKeyUsage] ?? name;

function requestedItems(view: CsrView): DescriptionItem[] {
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : null);
  const usages = list(view.requestedKeyUsage.map((usage) => keyUsageLabels[usage]));
  const extended = list(view.requestedExtendedKeyUsage.map(ekuLabel));
  const others = view.attributes.filter(
    (a) => a.oid !== '1.2.840.113549.1.9.14' && a.oid !== '1.2.840.113549.1.9.7',
  );
  return [
    { term: 'Requested key usage', detail: usages ?? <em>none</em> },
    { term: 'Requested extended key usage', detail: extended ?? <em>none</em> },
    {
      term: 'Requested CA',
      detail: view.requestedCa === null ? <em>not asked</em> : view.requestedCa ? 'CA:TRUE' : 'CA:FALSE',
    },
    { term: 'Challenge password', detail: view.challengePassword ? 'present (not shown)' : <em>none</em> },
    ...others.map((attribute) => ({
      term: attribute.name,
      detail: (
        <span className="flex flex-col">
          {attribute.values.map((value, index) => (
            <Copyable
              key={index}
              text={value.text ?? value.hex}
              what={attribute.name}
              mono={value.text === null}
            />
          ))}
        </span>
      ),
    })),
  ];
}
