import { X509Certificate as NodeX509 } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCertificate } from './index';

// Debian's ca-certificates ships the Mozilla roots: real certificates from many CAs and many years, decoded
// here and compared with node:crypto (OpenSSL). Skipped where the package is not installed.

const dir = '/usr/share/ca-certificates/mozilla';
const roots = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.crt')) : [];

describe.skipIf(roots.length === 0)('the Mozilla root store', () => {
  it('decodes every root like OpenSSL does', async () => {
    for (const file of roots) {
      const pem = readFileSync(`${dir}/${file}`, 'utf8');
      const node = new NodeX509(pem);
      const decoded = await decodeCertificate(pem);
      expect(decoded.ok, file).toBe(true);
      if (!decoded.ok) continue;
      const { view } = decoded;
      expect(view.sha256Fingerprint, file).toBe(node.fingerprint256);
      expect(BigInt(view.serialDecimal), file).toBe(BigInt(`0x${node.serialNumber}`));
      expect(new Date(view.notAfter).getTime(), file).toBe(new Date(node.validTo).getTime());
      expect(view.publicKey.spkiBase64, file).toBe(
        node.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      );
      expect(view.publicKey.size, file).toBe(
        node.publicKey.asymmetricKeyDetails?.modulusLength ?? view.publicKey.size,
      );
      expect(view.basicConstraints?.ca ?? node.ca, file).toBe(node.ca);
      expect(view.selfSigned, file).toBe(true);
      // A few old roots really do have serial 0; nothing else in the store deserves a warning.
      expect(
        decoded.warnings.filter((w) => !w.startsWith('The serial number is not positive')),
        file,
      ).toEqual([]);
    }
  });
});
