import 'server-only';
import type { KeySummary } from '@/lib/api/dto';
import { decodeCertificate } from '@/lib/pki';
import { signatureAlgorithmsFor } from '@/lib/pki/usages';
import { evaluateApproval } from '@/lib/policy';
import { getKeyAttributes, getKeyCertificate, listKeys, type KeyAttributes } from '@/lib/tsb';

// Keys change rarely and listing them costs two TSB calls per key, so summaries are kept briefly.
const ttlMs = 30_000;
let cache: { at: number; keys: Promise<KeySummary[]> } | undefined;

async function summarize(attributes: KeyAttributes): Promise<KeySummary> {
  const certificate = await getKeyCertificate(attributes.label);
  const decoded = certificate ? await decodeCertificate(certificate) : null;
  const rule = attributes.policy?.ruleUse;
  const hasPolicy = (rule?.tokens?.length ?? 0) > 0;
  return {
    label: attributes.label,
    algorithm: attributes.algorithm,
    keySize: attributes.keySize ?? null,
    curveOid: attributes.curveOid ?? null,
    canSign: attributes.attributes?.sign !== false,
    signatureAlgorithms: signatureAlgorithmsFor(attributes.algorithm),
    policy: hasPolicy ? evaluateApproval(rule, { approvedBy: [], rejectedBy: [] }) : null,
    certificateSubject: decoded?.ok ? decoded.view.subject.text : null,
  };
}

async function load(): Promise<KeySummary[]> {
  const labels = await listKeys();
  const attributes = await Promise.all(labels.map((label) => getKeyAttributes(label)));
  const summaries = await Promise.all(attributes.map(summarize));
  return summaries.sort((a, b) => a.label.localeCompare(b.label));
}

/** Every key of the TSB with what the submit form needs: algorithms it can sign with and its policy. */
export function listKeySummaries(): Promise<KeySummary[]> {
  if (!cache || Date.now() - cache.at > ttlMs) {
    const keys = load();
    cache = { at: Date.now(), keys };
    // A failed load must not be served from the cache.
    keys.catch(() => {
      if (cache?.keys === keys) cache = undefined;
    });
  }
  return cache.keys;
}
