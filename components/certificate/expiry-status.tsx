import { utcText } from '@/components/pki/format';
import { Badge } from '@/components/ui/badge';
import type { CertificateSummary } from '@/lib/api/dto';

const dayMs = 86_400_000;

/** Where a certificate stands in its validity at `now`: amber while it runs out, red once over. */
export function ExpiryStatus({
  certificate,
  now,
}: {
  certificate: Pick<CertificateSummary, 'expiry' | 'notAfter'>;
  now: number;
}) {
  const title = `Not after ${utcText(certificate.notAfter)}`;
  switch (certificate.expiry) {
    case 'expiring': {
      const days = Math.ceil((new Date(certificate.notAfter).getTime() - now) / dayMs);
      return (
        <Badge tone="warn" title={title}>
          {days <= 0 ? 'expires today' : days === 1 ? 'expires in 1 day' : `expires in ${days} days`}
        </Badge>
      );
    }
    case 'expired':
      return (
        <Badge tone="danger" title={title}>
          expired
        </Badge>
      );
    case 'not-yet-valid':
      return <Badge tone="neutral">not yet valid</Badge>;
    case 'valid':
      return (
        <Badge tone="ok" title={title}>
          valid
        </Badge>
      );
  }
}
