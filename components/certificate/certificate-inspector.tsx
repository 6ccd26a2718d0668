'use client';

import { CertificateOverview } from './certificate-overview';
import { DecodeStates } from '@/components/pki/decode-states';
import { PkiDownloads, type CaCertificate } from '@/components/pki/downloads';
import { ExtensionsPanel } from '@/components/pki/extensions-panel';
import type { Inspected } from '@/components/pki/inspect';
import { InspectorTabs } from '@/components/pki/inspector-tabs';
import { fileBaseName } from '@/components/pki/save-file';
import type { Decoding } from '@/components/pki/use-decoded';
import type { CertificateView } from '@/lib/pki';

type CertificateInspectorProps = {
  decoding: Decoding<Inspected<CertificateView>>;
  /** The issuing CA's certificate, for chain files; omitted where the issuer is not known. */
  ca?: CaCertificate;
  /** Audited server downloads for PEM and DER, where there are such routes. */
  serverFiles?: { pem: string; der: string };
};

/** One certificate: downloads, then Overview, Extensions, OpenSSL text, ASN.1 and PEM tabs. */
export function CertificateInspector({ decoding, ca, serverFiles }: CertificateInspectorProps) {
  const states = <DecodeStates decoding={decoding} what="certificate" />;
  if (decoding.state !== 'done' || !decoding.result.ok) return states;
  const { view, findings, warnings, opensslText, asn1, der } = decoding.result;
  return (
    <div className="flex flex-col gap-4">
      <PkiDownloads
        kind="certificate"
        baseName={fileBaseName(view.commonName, 'certificate')}
        pem={view.pem}
        der={der}
        ca={ca}
        serverFiles={serverFiles}
      />
      <InspectorTabs
        label="Certificate views"
        overview={<CertificateOverview view={view} findings={findings} warnings={warnings} />}
        extensions={
          <ExtensionsPanel extensions={view.extensions} emptyText="The certificate has no extensions." />
        }
        opensslText={opensslText}
        asn1={asn1}
        pem={view.pem}
      />
    </div>
  );
}
