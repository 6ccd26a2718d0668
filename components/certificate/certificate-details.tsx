import { Badge } from '@/components/ui/badge';
import { DescriptionList } from '@/components/ui/description-list';
import { ExtensionList } from '@/components/pki/extension-list';
import { publicKeyText } from '@/components/pki/format';
import type { CertificateView } from '@/lib/pki';

const validityBadges = {
  valid: { tone: 'ok', text: 'valid' },
  'not-yet-valid': { tone: 'warn', text: 'not yet valid' },
  expired: { tone: 'danger', text: 'expired' },
} as const;

function formatUtc(iso: string): string {
  return new Date(iso).toUTCString();
}

/** A decoded certificate, field by field as `openssl x509 -text` would show it. */
export function CertificateDetails({ certificate }: { certificate: CertificateView }) {
  const { validity } = certificate;
  const badge = validityBadges[validity.state];
  return (
    <div className="flex flex-col gap-4">
      <DescriptionList
        items={[
          { term: 'Subject', detail: certificate.subject.text || <em>empty</em> },
          {
            term: 'Issuer',
            detail: (
              <span className="flex flex-wrap items-center gap-2">
                <span>{certificate.issuer.text}</span>
                {certificate.selfSigned ? <Badge tone="neutral">self-signed</Badge> : null}
              </span>
            ),
          },
          {
            term: 'Serial number',
            detail: <span className="font-mono text-xs break-all">{certificate.serialHex}</span>,
          },
          {
            term: 'Validity',
            detail: (
              <span className="flex flex-col gap-1">
                <span>Not before: {formatUtc(certificate.notBefore)}</span>
                <span>Not after: {formatUtc(certificate.notAfter)}</span>
                <span className="flex items-center gap-2">
                  <Badge tone={badge.tone}>{badge.text}</Badge>
                  {validity.state === 'valid' ? <span>{validity.daysLeft} days left</span> : null}
                </span>
              </span>
            ),
          },
          { term: 'Public key', detail: publicKeyText(certificate.publicKey) },
          { term: 'Signature algorithm', detail: certificate.signatureAlgorithm.name },
          {
            term: 'SHA-256 fingerprint',
            detail: <span className="font-mono text-xs break-all">{certificate.sha256Fingerprint}</span>,
          },
          {
            term: 'SHA-1 fingerprint',
            detail: <span className="font-mono text-xs break-all">{certificate.sha1Fingerprint}</span>,
          },
        ]}
      />
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Extensions</h3>
        <ExtensionList extensions={certificate.extensions} emptyText="The certificate has no extensions." />
      </div>
    </div>
  );
}
