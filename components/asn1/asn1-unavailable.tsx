import { Alert } from '@/components/ui/alert';

/** Why there is no ASN.1 structure to show: the same words in the interactive tree and the outline. */
export function Asn1Unavailable({ reason }: { reason: string }) {
  return (
    <Alert tone="warn" title="The ASN.1 structure cannot be shown.">
      {reason}
    </Alert>
  );
}
