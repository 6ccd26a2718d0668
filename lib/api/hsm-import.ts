import type { HsmImport, RequestError } from './dto';

// Whether an HSM key holds a certificate. The one place that reads it off what is stored: the request
// page (from its RequestView) and the certificate inventory (from the certificate and its request) both
// call hsmImportOf, so the two pages cannot tell an auditor different things. Isomorphic.

/** The error code a request holds while the TSB's answer to an import of its certificate is lost. */
export const importUnknownCode = 'import_unknown';

/** What is stored about a certificate's import into the HSM. */
export type StoredImport = {
  /** The label an import was confirmed under by the TSB, if one was. */
  importedLabel: string | null;
  /** The error of the request the certificate was issued for; null when it has none or no request. */
  error: RequestError | null;
};

/**
 * The certificate's import state: 'unknown' while the request holds `import_unknown` (a later import that
 * goes through clears it), else 'imported' under the confirmed label, else 'not_imported'. A lost answer
 * is never read as "not imported": the TSB may have acted on it.
 */
export function hsmImportOf({ importedLabel, error }: StoredImport): HsmImport {
  if (error?.code === importUnknownCode) {
    return { state: 'unknown', label: error.label ?? null, importedLabel };
  }
  if (importedLabel !== null) return { state: 'imported', label: importedLabel };
  return { state: 'not_imported' };
}

/** The label an import of the certificate was confirmed under, whatever became of a later one; else null. */
export function confirmedLabel(hsmImport: HsmImport): string | null {
  if (hsmImport.state === 'imported') return hsmImport.label;
  return hsmImport.state === 'unknown' ? hsmImport.importedLabel : null;
}
