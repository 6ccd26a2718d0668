import { oidText } from './oid-names';
import { extendedKeyUsageLabels, extendedKeyUsageOids, type ExtendedKeyUsage } from './usages';

const byOid = new Map(
  Object.entries(extendedKeyUsageOids).map(([name, oid]) => [oid, name as ExtendedKeyUsage] as const),
);

/** The TSB enum name (null when the TSB has none) and a human label of an extended key usage OID. */
export function extendedKeyUsageName(oid: string): {
  oid: string;
  name: ExtendedKeyUsage | null;
  label: string;
} {
  const name = byOid.get(oid) ?? null;
  return {
    oid,
    name,
    label: name ? extendedKeyUsageLabels[name] : oidText(oid),
  };
}
