import Link from 'next/link';
import type { ReactNode } from 'react';
import { ExpiryStatus } from '@/components/certificate/expiry-status';
import { HsmImportStatus } from '@/components/certificate/hsm-import-status';
import { utcText } from '@/components/pki/format';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { DescriptionList } from '@/components/ui/description-list';
import { focusRing } from '@/components/ui/focus';
import { PageHeader } from '@/components/ui/page-header';
import type { CertificateSummary } from '@/lib/api/dto';

type Certificate = CertificateSummary & { pem: string };

type Props = { certificate: Certificate; /** When it was read. */ now: number; children: ReactNode };

/** The certificate's heading and where it came from; `children` is the decoded certificate. */
export function CertificateDetail({ certificate, now, children }: Props) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={certificate.commonName ?? certificate.subject}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <ExpiryStatus certificate={certificate} now={now} />
            <span>
              {certificate.source === 'issued' ? 'Issued through CertDesk' : 'Imported into the HSM'}
            </span>
          </p>
        }
        actions={
          <Link href="/certificates" className={buttonVariants({ variant: 'secondary' })}>
            All certificates
          </Link>
        }
      />
      <Provenance certificate={certificate} />
      {children}
    </div>
  );
}

/** Where the certificate came from and how to get back to the request that produced it. */
function Provenance({ certificate }: { certificate: Certificate }) {
  return (
    <Card aria-labelledby="provenance-heading">
      <CardHeader>
        <CardTitle id="provenance-heading">In CertDesk</CardTitle>
      </CardHeader>
      <CardContent>
        <DescriptionList
          items={[
            {
              term: 'Request',
              detail: certificate.requestId ? (
                <Link
                  href={`/requests/${certificate.requestId}`}
                  className={`rounded text-brand underline-offset-4 hover:underline ${focusRing}`}
                >
                  Open the request
                </Link>
              ) : (
                <em>none: imported</em>
              ),
            },
            {
              term: 'Signing key',
              detail: <span className="font-mono">{certificate.signKeyName ?? '—'}</span>,
            },
            { term: 'HSM label', detail: <HsmImportStatus hsmImport={certificate.hsmImport} /> },
            {
              term: 'Added',
              detail: <time dateTime={certificate.createdAt}>{utcText(certificate.createdAt)}</time>,
            },
          ]}
        />
      </CardContent>
    </Card>
  );
}
