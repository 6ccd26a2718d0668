import 'server-only';
import { decodeCertificate, decodeCsr, normaliseSpkiBase64 } from '@/lib/pki';
import { policyApproverKeys } from '@/lib/policy';
import type { TsbRequestStatusDto } from '@/lib/tsb';
import type { StoredRequest } from './record';

// Which TSB request an UNKNOWN submission may be. The TSB does not say which key or CSR a request is for,
// so only two things identify one: its issued certificate (the CSR's public key) and, while nothing is
// issued, the approvers it waits for (the key's policy).

export type Fit = 'certain' | 'possible' | 'no';

async function spkiOf(
  decoded: Promise<{ ok: true; view: { publicKey: { spkiBase64: string } } } | { ok: false }>,
) {
  const result = await decoded;
  return result.ok ? normaliseSpkiBase64(result.view.publicKey.spkiBase64) : null;
}

/** How well a TSB request fits a stored request; `csrSpki` is the stored request's CSR public key. */
export async function fitOf(
  row: StoredRequest,
  csrSpki: string | null,
  upstream: TsbRequestStatusDto,
): Promise<Fit> {
  if (upstream.status === 'EXECUTED' && upstream.result) {
    const issuedSpki = await spkiOf(decodeCertificate(upstream.result));
    return issuedSpki !== null && issuedSpki === csrSpki ? 'certain' : 'no';
  }
  const seen = [
    ...(upstream.approvedBy ?? []),
    ...(upstream.notYetApprovedBy ?? []),
    ...(upstream.rejectedBy ?? []),
  ].map(normaliseSpkiBase64);
  if (seen.length === 0) return 'no';
  const approvers = new Set(policyApproverKeys(row.rule).flatMap((a) => (a.publicKey ? [a.publicKey] : [])));
  return seen.every((key) => approvers.has(key)) ? 'possible' : 'no';
}

export function csrSpkiOf(row: StoredRequest): Promise<string | null> {
  return spkiOf(decodeCsr(row.csrPem));
}

export type Link = { row: StoredRequest; tsbRequestId: string; certain: boolean };

/**
 * Links that leave no doubt: a certain fit, or a possible one where this is the only TSB request that fits
 * the row and the row is the only one it fits. Rows with no fitting TSB request at all are `orphans`.
 */
export function chooseLinks(
  fits: Map<string, Map<string, Fit>>,
  rows: StoredRequest[],
): { links: Link[]; orphans: StoredRequest[] } {
  const links: Link[] = [];
  const taken = new Set<string>();
  for (const row of rows) {
    const certain = [...(fits.get(row.id) ?? [])].find(
      ([tsbId, fit]) => fit === 'certain' && !taken.has(tsbId),
    );
    if (certain) {
      links.push({ row, tsbRequestId: certain[0], certain: true });
      taken.add(certain[0]);
    }
  }
  const linked = new Set(links.map((link) => link.row.id));
  const candidatesOf = (row: StoredRequest) =>
    [...(fits.get(row.id) ?? [])]
      .filter(([tsbId, fit]) => fit !== 'no' && !taken.has(tsbId))
      .map(([tsbId]) => tsbId);
  const open = rows.filter((row) => !linked.has(row.id));
  const orphans: StoredRequest[] = [];
  for (const row of open) {
    const candidates = candidatesOf(row);
    if (candidates.length === 0) orphans.push(row);
    if (candidates.length !== 1) continue;
    const tsbId = candidates[0]!;
    const rivals = open.filter((other) => other !== row && candidatesOf(other).includes(tsbId));
    if (rivals.length === 0) links.push({ row, tsbRequestId: tsbId, certain: false });
  }
  return { links, orphans };
}
