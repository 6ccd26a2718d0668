import { buttonVariants } from '@/components/ui/button';
import type { CertificateListQuery } from '@/lib/api/dto';
import { certificateExportHref } from '@/lib/query/certificates';

/** Downloads of every certificate matching the current filters, in the current order. */
export function ExportLinks({ query }: { query: CertificateListQuery }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">Every matching certificate:</span>
      <a
        href={certificateExportHref(query, 'csv')}
        download
        className={buttonVariants({ variant: 'secondary', size: 'sm' })}
      >
        Export CSV
      </a>
      <a
        href={certificateExportHref(query, 'json')}
        download
        className={buttonVariants({ variant: 'secondary', size: 'sm' })}
      >
        Export JSON
      </a>
    </div>
  );
}
