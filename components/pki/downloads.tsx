'use client';

import { useId, useState } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { caNote, type CaCertificate } from './ca-note';
import { loadBundle } from './load-pki';
import { saveFile } from './save-file';

export type { CaCertificate } from './ca-note';

type DownloadsProps = {
  kind: 'certificate' | 'csr';
  /** File names start with this (the common name, made safe). */
  baseName: string;
  pem: string;
  der: Uint8Array<ArrayBuffer>;
  ca?: CaCertificate;
  /** Server routes for PEM and DER where the download itself is audited. */
  serverFiles?: { pem: string; der: string };
};

const pemType = 'application/x-pem-file';

/**
 * Files of a certificate or CSR, built in the browser when asked for; PEM and DER are links instead where
 * the server offers an audited download.
 */
export function PkiDownloads({
  kind,
  baseName,
  pem,
  der,
  ca = { state: 'none' },
  serverFiles,
}: DownloadsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const noteId = useId();
  const caPems = ca.state === 'ready' && ca.pem.trim() !== pem.trim() ? [ca.pem] : [];

  async function build(file: 'chain' | 'pkcs7') {
    try {
      const { toChainPem, toPkcs7 } = await loadBundle();
      if (file === 'chain') saveFile(`${baseName}-chain.pem`, toChainPem([pem, ...caPems]), pemType);
      else saveFile(`${baseName}.p7b`, toPkcs7([pem, ...caPems]), 'application/pkcs7-mime');
      setProblem(null);
    } catch (error) {
      setProblem(`The file could not be built: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const link = buttonVariants({ variant: 'secondary', size: 'sm' });
  const ext = kind === 'csr' ? { pem: 'csr', der: 'der' } : { pem: 'pem', der: 'cer' };
  const derType = kind === 'csr' ? 'application/pkcs10' : 'application/pkix-cert';
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Downloads">
        {serverFiles ? (
          <>
            <a href={serverFiles.pem} download className={link}>
              Download PEM
            </a>
            <a href={serverFiles.der} download className={link}>
              Download DER
            </a>
          </>
        ) : (
          <>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => saveFile(`${baseName}.${ext.pem}`, pem, pemType)}
            >
              Download PEM
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => saveFile(`${baseName}.${ext.der}`, der, derType)}
            >
              Download DER
            </Button>
          </>
        )}
        {kind === 'certificate' && ca.state !== 'none' ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={ca.state !== 'ready'}
            aria-describedby={noteId}
            onClick={() => void build('chain')}
          >
            Download chain
          </Button>
        ) : null}
        {kind === 'certificate' ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={ca.state === 'loading'}
            aria-describedby={noteId}
            onClick={() => void build('pkcs7')}
          >
            Download PKCS#7
          </Button>
        ) : null}
      </div>
      {kind === 'certificate' ? (
        <p id={noteId} className="text-xs text-slate-600">
          {caNote(ca, caPems.length > 0)}
        </p>
      ) : null}
      <p role="status" className="text-xs text-danger">
        {problem}
      </p>
    </div>
  );
}
