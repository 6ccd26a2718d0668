import { sign } from 'node:crypto';
import { toBase64 } from '@/lib/pki/bytes';
import { policyApproverKeys, type Policy } from '@/lib/policy';
import {
  algorithmOids,
  curves,
  generateKeyMaterial,
  parseSpki,
  type CurveOid,
  type KeyMaterial,
} from './crypto';
import { TsbError } from './errors';
import type { CreateKeyFields } from './schemas';
import { isoSeconds, type KeyRecord, type Simulator } from './state';

// Keys of the simulated HSM and the SignedKeyAttributesDto that describes them (tsb-api.md §5).

const defaultAttributes = {
  decrypt: false,
  sign: true,
  ekaSign: null,
  unwrap: false,
  derive: false,
  sensitive: true,
  alwaysSensitive: true,
  extractable: false,
  neverExtractable: true,
  modifiable: true,
  copyable: false,
  destroyable: true,
};

export function newKeyRecord(
  label: string,
  material: KeyMaterial,
  policy: Policy | null,
  now: Date,
  attributes: Record<string, boolean | null | undefined> = {},
): KeyRecord {
  const given = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value != null));
  // SKA keys are never extractable (tsb-api.md §5).
  const forced = policy ? { extractable: false, neverExtractable: true } : {};
  return {
    label,
    material,
    createTime: now,
    attributes: { ...defaultAttributes, ...given, ...forced },
    policy,
    certificate: null,
  };
}

export function findKey(sim: Simulator, label: string): KeyRecord {
  const key = sim.keys.get(label);
  if (!key) throw new TsbError('keyNotFound', `key ${label} does not exist`);
  return key;
}

const rsaSizes = new Set([2048, 3072, 4096]);

/** POST /v1/key: a new key with an optional SKA policy; 608 when the label is taken. */
export async function createKey(sim: Simulator, fields: CreateKeyFields): Promise<KeyRecord> {
  if (sim.keys.has(fields.label)) throw new TsbError('keyExists', `key ${fields.label} already exists`);
  for (const approver of policyApproverKeys(fields.policy?.ruleUse)) {
    if (approver.publicKey !== null && !parseSpki(approver.publicKey)) {
      throw new TsbError(
        'validationFailed',
        `approver ${approver.name}: value is not a base64 DER public key`,
      );
    }
  }
  const keySize = fields.keySize ?? 2048;
  const curveOid = fields.curveOid ?? '1.2.840.10045.3.1.7';
  let material: KeyMaterial;
  if (fields.algorithm === 'RSA' && rsaSizes.has(keySize))
    material = await generateKeyMaterial('RSA', keySize);
  else if (fields.algorithm === 'EC' && curveOid in curves)
    material = await generateKeyMaterial('EC', curveOid as CurveOid);
  else throw new TsbError('invalidKeyType', 'the simulator makes RSA 2048/3072/4096 and EC P-256/P-384 keys');
  const key = newKeyRecord(fields.label, material, fields.policy ?? null, sim.now(), fields.attributes ?? {});
  sim.keys.set(key.label, key);
  return key;
}

const xmlEscape = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

export function keyAttributesJson(key: KeyRecord) {
  const { material } = key;
  return {
    label: key.label,
    id: null,
    uuid: null,
    algorithm: material.algorithm,
    algorithmOid: algorithmOids[material.algorithm],
    curveOid: material.curveOid,
    keySize: material.keySize,
    createTime: isoSeconds(key.createTime),
    attestTime: isoSeconds(key.createTime),
    publicKey: material.spki,
    addressTruncated: null,
    derivedAttributes: null,
    attributes: key.attributes,
    policy: key.policy,
  };
}

/** SignedKeyAttributesDto: the JSON view plus an XML rendering signed by the attestation key. */
export function keyAttributesDto(sim: Simulator, key: KeyRecord) {
  const json = keyAttributesJson(key);
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><private_key>' +
    `<label>${xmlEscape(key.label)}</label><algorithm>${json.algorithm}</algorithm>` +
    `<key_size>${json.keySize}</key_size><create_time>${json.createTime}</create_time>` +
    `<public_key>${json.publicKey}</public_key>` +
    `<policy>${xmlEscape(JSON.stringify(key.policy))}</policy></private_key>`;
  const xmlSignature = toBase64(sign('sha256', Buffer.from(xml), sim.attestationKey));
  return { xml, xmlSignature, attestationKeyName: 'attestation-key', json };
}
