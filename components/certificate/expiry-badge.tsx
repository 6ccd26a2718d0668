'use client';

import { useNow } from '@/components/requests/countdown';
import { Badge } from '@/components/ui/badge';
import type { CertificateSummary } from '@/lib/api/dto';

const dayMs = 86_400_000;

export const expiryLabels: Record<CertificateSummary['expiry'], string> = {
  valid: 'Valid',
  expiring: 'Expiring within 30 days',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
};

/** Where a certificate stands in its validity: amber while it runs out, red once over. */
export function ExpiryBadge({
  certificate,
}: {
  certificate: Pick<CertificateSummary, 'expiry' | 'notAfter'>;
}) {
  const now = useNow(60_000);
  const title = `Not after ${new Date(certificate.notAfter).toLocaleString()}`;
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
