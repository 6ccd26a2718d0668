'use client';

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExpiryBadge } from '@/components/certificate/expiry-badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { DescriptionList } from '@/components/ui/description-list';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { formatDateTime } from '@/components/requests/format';
import { focusRing } from '@/components/ui/focus';
import { isApiError } from '@/lib/api/fetcher';
import { useCertificate, type CertificateDetail as Certificate } from '@/lib/query/certificates';
import { DecodedCertificate } from './decoded-certificate';

export function CertificateDetail({ id }: { id: string }) {
  const { data: certificate, error, refetch } = useCertificate(id);

  if (!certificate) {
    if (isApiError(error) && error.status === 404) notFound();
    if (error) {
      return (
        <ErrorState
          title="The certificate could not be loaded."
          message={error.message}
          onRetry={() => void refetch()}
        />
      );
    }
    return (
      <LoadingRegion label="Loading the certificate" className="flex flex-col gap-4">
        <Skeleton className="h-8 w-80" />
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-64 w-full" />
      </LoadingRegion>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={certificate.commonName ?? certificate.subject}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <ExpiryBadge certificate={certificate} />
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
      <DecodedCertificate pem={certificate.pem} signKeyName={certificate.signKeyName} />
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
            { term: 'HSM label', detail: certificate.importedLabel ?? <em>not imported</em> },
            { term: 'Added', detail: formatDateTime(certificate.createdAt) },
          ]}
        />
      </CardContent>
    </Card>
  );
}
