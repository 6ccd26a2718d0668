import { Badge } from '@/components/ui/badge';
import { DescriptionList } from '@/components/ui/description-list';
import { ExtensionList } from '@/components/pki/extension-list';
import { colonHex, publicKeyText, sanText } from '@/components/pki/format';
import type { CsrView } from '@/lib/pki';

/** A decoded CSR: who it names, its key, what it asks for, and whether its signature holds. */
export function CsrDetails({ csr }: { csr: CsrView }) {
  return (
    <div className="flex flex-col gap-4">
      <DescriptionList
        items={[
          { term: 'Subject', detail: csr.subject.text || <em>empty</em> },
          { term: 'Common name', detail: csr.commonName ?? <em>none</em> },
          {
            term: 'Subject alternative names',
            detail:
              csr.sans.length === 0 ? (
                <em>none</em>
              ) : (
                <ul>
                  {csr.sans.map((san, index) => (
                    <li key={index}>{sanText(san)}</li>
                  ))}
                </ul>
              ),
          },
          { term: 'Public key', detail: publicKeyText(csr.publicKey) },
          {
            term: 'Signature',
            detail: (
              <span className="flex flex-wrap items-center gap-2">
                <span>{csr.signatureAlgorithm.name}</span>
                {csr.signatureValid ? (
                  <Badge tone="ok">valid</Badge>
                ) : (
                  <Badge tone="danger">does not verify</Badge>
                )}
              </span>
            ),
          },
          {
            term: 'SHA-256',
            detail: <span className="font-mono text-xs break-all">{colonHex(csr.sha256)}</span>,
          },
        ]}
      />
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Requested extensions</h3>
        <ExtensionList extensions={csr.extensions} emptyText="The CSR asks for no extensions." />
      </div>
    </div>
  );
}
