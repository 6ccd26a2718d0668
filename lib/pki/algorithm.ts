import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { oidText } from './oid-names';
import { signatureAlgorithmNames } from './oids';
import { rsaPssParams } from './rsa-pss';
import type { AlgorithmView } from './types';

const rsaPss = '1.2.840.113549.1.1.10';

/** A signature algorithm with its name and, for RSASSA-PSS, its parameters. */
export function algorithmView(algorithm: AlgorithmIdentifier): AlgorithmView {
  const oid = algorithm.algorithm;
  const view: AlgorithmView = { oid, name: signatureAlgorithmNames[oid] ?? oidText(oid) };
  if (oid === rsaPss) {
    try {
      view.pss = algorithm.parameters ? rsaPssParams(new Uint8Array(algorithm.parameters)) : null;
    } catch {
      view.pss = null;
    }
  }
  return view;
}
