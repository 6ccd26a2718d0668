import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAny, decodeCertificate, decodeCsr } from './index';

// Every file under mocks/fixtures is read by some test: a new kind of file must be taught here first.

const dir = 'mocks/fixtures';
const generated = `${dir}/openssl`;
const files = readdirSync(dir)
  .filter((f) => f !== 'openssl')
  .sort();
const generatedFiles = readdirSync(generated).sort();
const pems = [...files.map((f) => `${dir}/${f}`), ...generatedFiles.map((f) => `${generated}/${f}`)].filter(
  (f) => f.endsWith('.pem'),
);
const read = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');

/** The PEM or base64 values a TSB fixture carries, by JSON path. */
const tsbValues: Record<string, (json: Record<string, unknown>) => { path: string; value: unknown }[]> = {
  'seed-import-request.json': (json) => [{ path: 'certificate', value: json.certificate }],
  'seed-request-status.json': (json) => [{ path: 'result', value: json.result }],
  'seed-sign-request.json': (json) => [
    {
      path: 'signCertificateRequest.certificateSigningRequest',
      value: (json.signCertificateRequest as Record<string, unknown>).certificateSigningRequest,
    },
  ],
};

/** Warnings a fixture is made to trigger. */
const expectedWarnings: Record<string, string[]> = {
  'seed-approver-sub.pem': ['The serial number is not positive (RFC 5280 §4.1.2.2)'],
  'self-rsa-negative-serial.pem': ['The serial number is not positive (RFC 5280 §4.1.2.2)'],
  'self-rsa-long-serial.pem': ['The serial number is 21 octets long; RFC 5280 allows 20'],
};

/** CSRs whose signature WebCrypto cannot check (DSA and secp256k1 are not in it): they count as invalid. */
const unverifiable = ['csr-dsa.pem', 'csr-ec-secp256k1.pem'];

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);

describe('mocks/fixtures', () => {
  it('holds only files these specs know how to read', () => {
    for (const name of files) expect(name).toMatch(/\.(pem|openssl\.txt|json|md)$/);
    for (const name of files.filter((f) => f.endsWith('.json')))
      expect(Object.keys(tsbValues)).toContain(name);
    // The generated set: fixtures and the script, configuration and helpers that regenerate them.
    for (const name of generatedFiles) {
      expect(name).toMatch(
        /\.(pem|openssl\.txt)$|^(generate\.sh|fixtures\.cnf|mozilla-roots\.txt|[a-z-]+\.mjs)$/,
      );
    }
    for (const name of [...files, ...generatedFiles].filter((f) => f.endsWith('.openssl.txt'))) {
      expect([...files, ...generatedFiles]).toContain(name.replace('.openssl.txt', '.pem'));
    }
  });

  it.each(pems)('decodes %s without warnings beyond known ones', async (path) => {
    const decoded = await decodeAny(readFileSync(path, 'utf8'));
    expect(decoded.kind).not.toBe('unknown');
    if (decoded.kind === 'unknown') return;
    expect(decoded.result.ok).toBe(true);
    if (!decoded.result.ok) return;
    expect(decoded.result.warnings).toEqual(expectedWarnings[base(path)] ?? []);
    expect(JSON.parse(JSON.stringify(decoded.result.view))).toEqual(decoded.result.view);
    if (decoded.kind === 'csr') {
      const valid = decoded.result.ok && decoded.result.view.signatureValid;
      expect(valid).toBe(!unverifiable.includes(base(path)));
    }
  });

  it('decodes the certificates inside the TSB replies and refuses the documented placeholder CSR', async () => {
    const [certificate, result, csr] = Object.entries(tsbValues).map(([name, pick]) => {
      const values = pick(JSON.parse(read(name)) as Record<string, unknown>);
      return String(values[0]?.value);
    });
    const fromImport = await decodeCertificate(certificate ?? '');
    const fromStatus = await decodeCertificate(result ?? '');
    expect(fromImport.ok && fromImport.view.commonName).toBe('Approver-Intermediate-SUB');
    expect(fromStatus.ok && fromStatus.view.sha256Fingerprint).toBe(
      fromImport.ok && fromImport.view.sha256Fingerprint,
    );
    expect(await decodeCsr(csr ?? '')).toEqual({
      ok: false,
      error: 'The input is neither PEM nor valid base64',
    });
  });
});
