import type { ReactNode } from 'react';
import { Asn1Outline } from '@/components/asn1/asn1-outline';
import { CertificateFiles } from '@/components/certificate/certificate-files';
import { CertificateOverview } from '@/components/certificate/certificate-overview';
import { ExtensionsPanel } from '@/components/pki/extensions-panel';
import { inspectCertificate } from '@/components/pki/inspect';
import { ViewTabs } from '@/components/pki/view-tabs';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { caPemsAfter, issuerCertificate } from '@/lib/certificates';

type Props = { id: string; pem: string; signKeyName: string | null };

function DecodedCard({ children }: { children: ReactNode }) {
  return (
    <Card aria-labelledby="decoded-heading">
      <CardHeader>
        <CardTitle id="decoded-heading">Decoded certificate</CardTitle>
        <CardDescription>
          Decoded and linted on the server from the stored PEM, against its CA’s certificate from the HSM
          where that is known.
        </CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/**
 * The stored certificate decoded on the server, linted against its CA's certificate from the HSM when the
 * signing key is known, with every view rendered here: the browser gets HTML and a few small controls,
 * not the decoder.
 */
export async function DecodedCertificate({ id, pem, signKeyName }: Props) {
  const issuer = await issuerCertificate(signKeyName);
  const inspected = await inspectCertificate(pem, issuer.state === 'ready' ? issuer.pem : null);
  if (!inspected.ok) {
    return (
      <DecodedCard>
        <Alert tone="danger" title="This certificate could not be decoded.">
          {inspected.error}
        </Alert>
      </DecodedCard>
    );
  }
  const { view, findings, warnings, opensslText, asn1 } = inspected;
  return (
    <DecodedCard>
      <div className="flex flex-col gap-4">
        <CertificateFiles
          href={`/api/certificates/${encodeURIComponent(id)}/download`}
          ca={issuer}
          withCa={caPemsAfter(pem, issuer).length > 0}
        />
        <ViewTabs
          label="Certificate views"
          overview={<CertificateOverview view={view} findings={findings} warnings={warnings} />}
          extensions={
            <ExtensionsPanel extensions={view.extensions} emptyText="The certificate has no extensions." />
          }
          opensslText={opensslText}
          asn1={<Asn1Outline tree={asn1} />}
          pem={view.pem}
        />
      </div>
    </DecodedCard>
  );
}

export function DecodedCertificateSkeleton() {
  return (
    <DecodedCard>
      <LoadingRegion label="Decoding the certificate" className="flex flex-col gap-2">
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-40 w-full" />
      </LoadingRegion>
    </DecodedCard>
  );
}
