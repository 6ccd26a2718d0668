'use client';

import { CertificateInspector } from '@/components/certificate/certificate-inspector';
import { caCertificateOf } from '@/components/certificate/ca-certificate';
import { useCertificateInspection } from '@/components/pki/use-certificate-inspection';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { RequestView } from '@/lib/api/dto';
import { hsmImportOf } from '@/lib/api/hsm-import';
import { useKeyCertificate } from '@/lib/query/key-certificate';
import { ImportForm } from './import-form';

/**
 * The signed certificate: any mismatch with the request first, then its views, linted against the CA key's
 * certificate, with downloads (PEM and DER through the audited route; chain and PKCS#7 built here).
 */
export function IssuedCertificate({
  request,
  certificatePem,
}: {
  request: RequestView;
  certificatePem: string;
}) {
  const caQuery = useKeyCertificate(request.signKeyName);
  const ca = caCertificateOf(request.signKeyName, caQuery);
  const decoding = useCertificateInspection(certificatePem, ca.state === 'ready' ? ca.pem : null);
  const download = `/api/requests/${encodeURIComponent(request.id)}/certificate`;

  return (
    <Card aria-labelledby="certificate-heading">
      <CardHeader>
        <CardTitle id="certificate-heading">Issued certificate</CardTitle>
        <CardDescription>Decoded and linted in your browser from the PEM the HSM returned.</CardDescription>
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
        <CertificateInspector
          decoding={decoding}
          ca={ca}
          serverFiles={{ pem: `${download}?format=pem`, der: `${download}?format=der` }}
        />
        <ImportForm id={request.id} hsmImport={hsmImportOf(request)} />
      </CardContent>
    </Card>
  );
}
