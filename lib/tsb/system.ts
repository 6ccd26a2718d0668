import 'server-only';
import { tsbCall } from './client';
import { versionInfoSchema } from './schemas';

/** The TSB's version document; also a cheap connectivity check. */
export function getVersionInfo() {
  return tsbCall('/v1/versionInfo', { schema: versionInfoSchema });
}
