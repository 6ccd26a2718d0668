'use client';

import { CertificateInspector } from '@/components/certificate/certificate-inspector';
import { caCertificateOf } from '@/components/certificate/ca-certificate';
import { useCertificateInspection } from '@/components/pki/use-certificate-inspection';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { useKeyCertificate } from '@/lib/query/key-certificate';

/**
 * The stored certificate decoded in the browser, linted against its CA's certificate from the HSM when
 * the signing key is known, with chain and PKCS#7 downloads.
 */
export function DecodedCertificate({ pem, signKeyName }: { pem: string; signKeyName: string | null }) {
  const caQuery = useKeyCertificate(signKeyName);
  const ca = caCertificateOf(signKeyName, caQuery);
  const decoding = useCertificateInspection(pem, ca.state === 'ready' ? ca.pem : null);
  return (
    <Card aria-labelledby="decoded-heading">
      <CardHeader>
        <CardTitle id="decoded-heading">Decoded certificate</CardTitle>
        <CardDescription>Decoded and linted in your browser from the stored PEM.</CardDescription>
      </CardHeader>
      <CardContent>
        <CertificateInspector decoding={decoding} ca={ca} />
      </CardContent>
    </Card>
  );
}
