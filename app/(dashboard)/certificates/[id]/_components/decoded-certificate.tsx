'use client';

import { CertificateDetails } from '@/components/certificate/certificate-details';
import { decodeCertificatePem } from '@/components/certificate/decode-certificate';
import { useDecoded } from '@/components/pki/use-decoded';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';

/** The certificate decoded in the browser, field by field, from the stored PEM. */
export function DecodedCertificate({ pem }: { pem: string }) {
  const decoding = useDecoded(pem, decodeCertificatePem, 0);
  return (
    <Card aria-labelledby="decoded-heading">
      <CardHeader>
        <CardTitle id="decoded-heading">Decoded certificate</CardTitle>
        <CardDescription>Decoded in your browser from the stored PEM.</CardDescription>
      </CardHeader>
      <CardContent>
        {decoding.state !== 'done' ? (
          <LoadingRegion label="Decoding the certificate" className="flex flex-col gap-2">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-24 w-full" />
          </LoadingRegion>
        ) : decoding.result.ok ? (
          <CertificateDetails certificate={decoding.result.view} />
        ) : (
          <Alert tone="danger" title="The certificate could not be decoded.">
            {decoding.result.error}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
