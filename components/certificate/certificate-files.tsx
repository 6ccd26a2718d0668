import { useId } from 'react';
import { caNote, type CaCertificate } from '@/components/pki/ca-note';
import { buttonVariants } from '@/components/ui/button';

/**
 * Links to a stored certificate's files, each built and audited by the server
 * (GET /api/certificates/{id}/download); the chain only where the CA's certificate is known.
 */
export function CertificateFiles({ href, ca, withCa }: { href: string; ca: CaCertificate; withCa: boolean }) {
  const noteId = useId();
  const link = buttonVariants({ variant: 'secondary', size: 'sm' });
  const files = [
    { format: 'pem', text: 'Download PEM' },
    { format: 'der', text: 'Download DER' },
    ...(ca.state === 'ready' ? [{ format: 'chain', text: 'Download chain' }] : []),
    { format: 'p7b', text: 'Download PKCS#7' },
  ];
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Downloads">
        {files.map(({ format, text }) => (
          <a
            key={format}
            href={`${href}?format=${format}`}
            download
            className={link}
            aria-describedby={noteId}
          >
            {text}
          </a>
        ))}
      </div>
      <p id={noteId} className="text-xs text-slate-600">
        {caNote(ca, withCa)}
      </p>
    </div>
  );
}
