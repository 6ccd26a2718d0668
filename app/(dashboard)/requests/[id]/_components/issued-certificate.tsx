'use client';

import { CertificateDetails } from '@/components/certificate/certificate-details';
import { decodeCertificatePem } from '@/components/certificate/decode-certificate';
import { useDecoded } from '@/components/pki/use-decoded';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import type { RequestView } from '@/lib/api/dto';
import { ImportForm } from './import-form';

/** The signed certificate: any mismatch with the request first, then decoded, as PEM, and as files. */
export function IssuedCertificate({
  request,
  certificatePem,
}: {
  request: RequestView;
  certificatePem: string;
}) {
  const decoding = useDecoded(certificatePem, decodeCertificatePem, 0);
  const download = `/api/requests/${encodeURIComponent(request.id)}/certificate`;

  return (
    <Card aria-labelledby="certificate-heading">
      <CardHeader>
        <CardTitle id="certificate-heading">Issued certificate</CardTitle>
        <CardDescription>Decoded in your browser from the PEM the HSM returned.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {request.resultMismatches.length > 0 ? (
          <Alert tone="danger" title="The issued certificate differs from what was asked.">
            <ul className="list-disc pl-5">
              {request.resultMismatches.map((mismatch) => (
                <li key={mismatch}>{mismatch}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {decoding.state === 'done' ? (
          decoding.result.ok ? (
            <CertificateDetails certificate={decoding.result.view} />
          ) : (
            <Alert tone="danger" title="The certificate could not be decoded.">
              {decoding.result.error}
            </Alert>
          )
        ) : (
          <LoadingRegion label="Decoding the certificate" className="flex flex-col gap-2">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-24 w-full" />
          </LoadingRegion>
        )}
        <section aria-labelledby="pem-heading" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h3 id="pem-heading" className="text-sm font-semibold">
              PEM
            </h3>
            <CopyButton text={certificatePem} label="Copy PEM" />
            <a
              href={`${download}?format=pem`}
              download
              className={buttonVariants({ variant: 'secondary', size: 'sm' })}
            >
              Download PEM
            </a>
            <a
              href={`${download}?format=der`}
              download
              className={buttonVariants({ variant: 'secondary', size: 'sm' })}
            >
              Download DER
            </a>
          </div>
          <pre
            className="max-h-64 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
            tabIndex={0}
          >
            {certificatePem}
          </pre>
        </section>
        <ImportForm id={request.id} importedLabel={request.importedLabel} />
      </CardContent>
    </Card>
  );
}
