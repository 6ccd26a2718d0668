'use client';

import { CsrOverview } from './csr-overview';
import { DecodeStates } from '@/components/pki/decode-states';
import { PkiDownloads } from '@/components/pki/downloads';
import { ExtensionsPanel } from '@/components/pki/extensions-panel';
import type { Inspected } from '@/components/pki/inspect';
import { InspectorTabs } from '@/components/pki/inspector-tabs';
import { fileBaseName } from '@/components/pki/save-file';
import type { Decoding } from '@/components/pki/use-decoded';
import type { CsrView } from '@/lib/pki';

type CsrInspectorProps = {
  decoding: Decoding<Inspected<CsrView>>;
  emptyText?: string;
  /** Codes whose message the page already shows next to the CSR input. */
  describedElsewhere?: { codes: ReadonlySet<string>; where: string };
};

/** One CSR: downloads, then Overview, Extensions (requested), OpenSSL text, ASN.1 and PEM tabs. */
export function CsrInspector({ decoding, emptyText, describedElsewhere }: CsrInspectorProps) {
  const states = (
    <DecodeStates decoding={decoding} what="certificate signing request" emptyText={emptyText} />
  );
  if (decoding.state !== 'done' || !decoding.result.ok) return states;
  const { view, findings, warnings, opensslText, asn1, der } = decoding.result;
  return (
    <div className="flex flex-col gap-4">
      <PkiDownloads kind="csr" baseName={fileBaseName(view.commonName, 'request')} pem={view.pem} der={der} />
      <InspectorTabs
        label="CSR views"
        overview={
          <CsrOverview
            view={view}
            findings={findings}
            warnings={warnings}
            describedElsewhere={describedElsewhere}
          />
        }
        extensions={
          <ExtensionsPanel extensions={view.extensions} emptyText="The CSR asks for no extensions." />
        }
        opensslText={opensslText}
        asn1={asn1}
        pem={view.pem}
      />
    </div>
  );
}
