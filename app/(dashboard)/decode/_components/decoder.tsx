'use client';

import { useState, type ReactNode } from 'react';
import { CertificateInspector } from '@/components/certificate/certificate-inspector';
import { CsrInspector } from '@/components/csr/csr-inspector';
import { inspectAny } from '@/components/pki/inspect';
import { PemInput } from '@/components/pki/pem-input';
import { useDecoded } from '@/components/pki/use-decoded';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';

export function Decoder() {
  const [text, setText] = useState('');
  const decoding = useDecoded(text, inspectAny);
  const decoded = decoding.state === 'done' ? decoding.result : null;

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardContent className="pt-5">
          <PemInput
            id="decode-input"
            label="Certificate or CSR (PEM)"
            fileLabel="Certificate or CSR file"
            value={text}
            onChange={setText}
            error={decoded?.kind === 'unknown' ? decoded.error : undefined}
            placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
          />
        </CardContent>
      </Card>
      {decoding.state === 'empty' ? (
        <EmptyState
          title="Nothing to decode yet"
          description="Paste a PEM block above, or drop a PEM or DER file on it."
        />
      ) : null}
      {decoding.state === 'decoding' ? (
        <LoadingRegion label="Decoding" className="flex flex-col gap-2">
          <Skeleton className="h-6 w-1/3" />
          <Skeleton className="h-40 w-full" />
        </LoadingRegion>
      ) : null}
      {decoded?.kind === 'csr' ? (
        <ResultCard title="Certificate signing request">
          <CsrInspector decoding={{ state: 'done', result: decoded.result }} />
        </ResultCard>
      ) : null}
      {decoded?.kind === 'certificate' ? (
        <ResultCard title="Certificate">
          <CertificateInspector decoding={{ state: 'done', result: decoded.result }} />
        </ResultCard>
      ) : null}
    </div>
  );
}

function ResultCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card aria-labelledby="result-heading">
      <CardHeader>
        <CardTitle id="result-heading">{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
