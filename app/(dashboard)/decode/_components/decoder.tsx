'use client';

import { useState, type ReactNode } from 'react';
import { CertificateDetails } from '@/components/certificate/certificate-details';
import { CsrDetails } from '@/components/csr/csr-details';
import type { CsrPreview } from '@/components/csr/preview-csr';
import { previewAny } from '@/components/pki/decode-any';
import { PemInput } from '@/components/pki/pem-input';
import { useDecoded } from '@/components/pki/use-decoded';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { CertificateView, Decoded } from '@/lib/pki';

export function Decoder() {
  const [text, setText] = useState('');
  const decoding = useDecoded(text, previewAny);
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
      {decoded?.kind === 'csr' ? <CsrResult preview={decoded.preview} /> : null}
      {decoded?.kind === 'certificate' ? <CertificateResult result={decoded.result} /> : null}
    </div>
  );
}

function CsrResult({ preview }: { preview: CsrPreview }) {
  if (!preview.ok) return <DecodeError what="certificate signing request" error={preview.error} />;
  const notes = [...preview.warnings, ...preview.findings.map((f) => f.message)];
  const blocking = preview.findings.some((f) => f.severity === 'error');
  return (
    <ResultCard title="Certificate signing request" pem={preview.view.pem} notes={notes} blocking={blocking}>
      <CsrDetails csr={preview.view} />
    </ResultCard>
  );
}

function CertificateResult({ result }: { result: Decoded<CertificateView> }) {
  if (!result.ok) return <DecodeError what="certificate" error={result.error} />;
  return (
    <ResultCard title="Certificate" pem={result.view.pem} notes={result.warnings} blocking={false}>
      <CertificateDetails certificate={result.view} />
    </ResultCard>
  );
}

function DecodeError({ what, error }: { what: string; error: string }) {
  return (
    <Alert tone="danger" title={`This ${what} could not be decoded.`}>
      {error}
    </Alert>
  );
}

type ResultCardProps = {
  title: string;
  pem: string;
  notes: string[];
  blocking: boolean;
  children: ReactNode;
};

function ResultCard({ title, pem, notes, blocking, children }: ResultCardProps) {
  return (
    <Card aria-labelledby="result-heading">
      <CardHeader>
        <CardTitle id="result-heading">{title}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {notes.length > 0 ? (
          <Alert tone={blocking ? 'danger' : 'warn'} role="status" title="Findings">
            <ul className="list-disc pl-5">
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <Tabs defaultValue="decoded">
          <TabsList aria-label="View">
            <TabsTrigger value="decoded">Decoded</TabsTrigger>
            <TabsTrigger value="pem">PEM</TabsTrigger>
          </TabsList>
          <TabsContent value="decoded">{children}</TabsContent>
          <TabsContent value="pem" className="flex flex-col gap-2">
            <div>
              <CopyButton text={pem} label="Copy PEM" />
            </div>
            <pre className="overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
              {pem}
            </pre>
          </TabsContent>
        </Tabs>
      </CardContent>
    </Card>
  );
}
