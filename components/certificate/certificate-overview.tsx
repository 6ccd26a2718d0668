import { Copyable } from '@/components/pki/copyable';
import { colonHex, publicKeyText, utcText } from '@/components/pki/format';
import { OverviewLayout } from '@/components/pki/overview-layout';
import { SanList } from '@/components/pki/san-list';
import { Badge } from '@/components/ui/badge';
import { type DescriptionItem } from '@/components/ui/description-list';
import type { CertificateView, Finding } from '@/lib/pki';
import { keyUsageLabels } from '@/lib/pki/usages';

const validityBadges = {
  valid: { tone: 'ok', text: 'valid' },
  'not-yet-valid': { tone: 'warn', text: 'not yet valid' },
  expired: { tone: 'danger', text: 'expired' },
} as const;

/** Who, by whom, until when, with what key, and what lint says about it. */
export function CertificateOverview({
  view,
  findings,
  warnings,
}: {
  view: CertificateView;
  findings: Finding[];
  warnings: string[];
}) {
  return (
    <OverviewLayout
      items={[...identityItems(view), ...keyItems(view), ...usageItems(view)]}
      findings={findings}
      warnings={warnings}
    />
  );
}

function identityItems(view: CertificateView): DescriptionItem[] {
  const badge = validityBadges[view.validity.state];
  const days = view.validity.daysLeft;
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
      term: 'Issuer',
      detail: (
        <span className="flex flex-wrap items-center gap-2">
          <Copyable text={view.issuer.text} what="issuer" />
          {view.selfSigned ? <Badge tone="neutral">self-signed</Badge> : null}
        </span>
      ),
    },
    {
      term: 'Serial number',
      detail: <Copyable text={colonHex(view.serialHex)} what="serial number (hex)" mono />,
    },
    {
      term: 'Serial (decimal)',
      detail: <Copyable text={view.serialDecimal} what="serial number (decimal)" mono />,
    },
    {
      term: 'Not before',
      detail: (
        <Copyable text={view.notBefore} what="not before">
          {utcText(view.notBefore)}
        </Copyable>
      ),
    },
    {
      term: 'Not after',
      detail: (
        <Copyable text={view.notAfter} what="not after">
          {utcText(view.notAfter)}
        </Copyable>
      ),
    },
    {
      term: 'Validity',
      detail: (
        <span className="flex items-center gap-2">
          <Badge tone={badge.tone}>{badge.text}</Badge>
          {view.validity.state === 'valid' ? (
            <span>{days === 1 ? 'expires in 1 day' : `expires in ${days} days`}</span>
          ) : null}
        </span>
      ),
    },
  ];
}

function keyItems(view: CertificateView): DescriptionItem[] {
  const key = view.publicKey;
  return [
    { term: 'Public key', detail: <Copyable text={publicKeyText(key)} what="public key" /> },
    {
      term: 'Public key SHA-256',
      detail: <Copyable text={colonHex(key.spkiSha256)} what="public key SHA-256" mono />,
    },
    {
      term: 'Signature algorithm',
      detail: <Copyable text={view.signatureAlgorithm.name} what="signature algorithm" />,
    },
    {
      term: 'SHA-256 fingerprint',
      detail: <Copyable text={view.sha256Fingerprint} what="SHA-256 fingerprint" mono />,
    },
    {
      term: 'SHA-1 fingerprint',
      detail: <Copyable text={view.sha1Fingerprint} what="SHA-1 fingerprint" mono />,
    },
  ];
}

function usageItems(view: CertificateView): DescriptionItem[] {
  const items: DescriptionItem[] = [];
  const constraints = view.basicConstraints;
  const ca = constraints?.ca
    ? `CA${constraints.pathLength === null ? '' : `, path length ${constraints.pathLength}`}`
    : 'Not a CA';
  items.push({ term: 'Basic constraints', detail: constraints ? ca : <em>absent</em> });
  if (view.keyUsage) {
    const text = view.keyUsage.map((usage) => keyUsageLabels[usage]).join(', ');
    items.push({ term: 'Key usage', detail: <Copyable text={text} what="key usage" /> });
  }
  if (view.extendedKeyUsage) {
    const text = view.extendedKeyUsage.map((usage) => usage.label).join(', ');
    items.push({ term: 'Extended key usage', detail: <Copyable text={text} what="extended key usage" /> });
  }
  items.push({ term: 'Subject alternative names', detail: <SanList sans={view.sans} /> });
  return items;
}
