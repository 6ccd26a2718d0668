import type { HsmImport } from '@/lib/api/dto';

const mono = (text: string) => <span className="font-mono">{text}</span>;

/**
 * Whether an HSM key holds the certificate, as CertDesk knows it (lib/api/hsm-import.ts). An import whose
 * answer was lost reads as unknown, with what to do about it, never as "not imported".
 */
export function HsmImportStatus({ hsmImport }: { hsmImport: HsmImport }) {
  if (hsmImport.state === 'imported') return mono(hsmImport.label);
  if (hsmImport.state === 'not_imported') return <em>not imported</em>;
  const { label, importedLabel } = hsmImport;
  return (
    <span className="flex flex-col gap-1">
      <strong className="text-warn">unknown</strong>
      <span>
        The TSB’s answer to the import{label ? <> into {mono(label)}</> : null} was lost; it may have been
        imported. Check the HSM or retry the import from the request.
      </span>
      {importedLabel ? <span>An earlier import was confirmed as {mono(importedLabel)}.</span> : null}
    </span>
  );
}
