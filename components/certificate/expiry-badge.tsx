'use client';

import { useNow } from '@/components/requests/countdown';
import type { CertificateSummary } from '@/lib/api/dto';
import { ExpiryStatus } from './expiry-status';

export const expiryLabels: Record<CertificateSummary['expiry'], string> = {
  valid: 'Valid',
  expiring: 'Expiring within 30 days',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
};

/** ExpiryStatus kept current while the page stays open. */
export function ExpiryBadge({
  certificate,
}: {
  certificate: Pick<CertificateSummary, 'expiry' | 'notAfter'>;
}) {
  return <ExpiryStatus certificate={certificate} now={useNow(60_000)} />;
}
