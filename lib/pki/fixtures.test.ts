import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAny, decodeCertificate, decodeCsr } from './index';

// Every file under mocks/fixtures is read by some test: a new kind of file must be taught here first.

const dir = 'mocks/fixtures';
const files = readdirSync(dir).sort();
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

describe('mocks/fixtures', () => {
  it('holds only files these specs know how to read', () => {
    for (const name of files) expect(name).toMatch(/\.(pem|openssl\.txt|json|md)$/);
    for (const name of files.filter((f) => f.endsWith('.json')))
      expect(Object.keys(tsbValues)).toContain(name);
    for (const name of files.filter((f) => f.endsWith('.openssl.txt'))) {
      expect(files).toContain(name.replace('.openssl.txt', '.pem'));
    }
  });

  it.each(files.filter((f) => f.endsWith('.pem')))(
    'decodes %s without warnings beyond known ones',
    async (name) => {
      const decoded = await decodeAny(read(name));
      expect(decoded.kind).not.toBe('unknown');
      if (decoded.kind === 'unknown') return;
      expect(decoded.result.ok).toBe(true);
      if (!decoded.result.ok) return;
      const expectedWarnings =
        name === 'seed-approver-sub.pem' ? ['The serial number is not positive (RFC 5280 §4.1.2.2)'] : [];
      expect(decoded.result.warnings).toEqual(expectedWarnings);
      if (decoded.kind === 'csr') expect(decoded.result.ok && decoded.result.view.signatureValid).toBe(true);
    },
  );

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
