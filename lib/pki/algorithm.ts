import { oidText } from './oid-names';
import { signatureAlgorithmNames } from './oids';
import { rsaPssParams } from './rsa-pss';
import type { AlgorithmView } from './types';
import type { AlgorithmIdentifier } from './x509';

const rsaPss = '1.2.840.113549.1.1.10';

/** A signature algorithm with its name and, for RSASSA-PSS, its parameters. */
export function algorithmView(algorithm: AlgorithmIdentifier): AlgorithmView {
  const { oid } = algorithm;
  const view: AlgorithmView = { oid, name: signatureAlgorithmNames[oid] ?? oidText(oid) };
  if (oid === rsaPss) {
    try {
      view.pss = algorithm.parameters ? rsaPssParams(algorithm.parameters) : null;
    } catch {
      view.pss = null;
    }
  }
  return view;
}
