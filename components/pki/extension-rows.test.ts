import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAny, type ExtensionView } from '@/lib/pki';
import { extensionRows } from './extension-rows';

const dirs = ['../../mocks/fixtures/', '../../mocks/fixtures/openssl/'].map(
  (d) => new URL(d, import.meta.url),
);

async function everyExtension(): Promise<ExtensionView[]> {
  const found: ExtensionView[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pem'))) {
      const decoded = await decodeAny(readFileSync(new URL(name, dir), 'utf8'));
      if (decoded.kind !== 'unknown' && decoded.result.ok) found.push(...decoded.result.view.extensions);
    }
  }
  return found;
}

describe('extensionRows', () => {
  it('gives every decoded extension of every fixture at least one labelled, non-empty row', async () => {
    const extensions = await everyExtension();
    const kinds = new Set(extensions.map((e) => e.value.kind));
    expect(kinds.size).toBeGreaterThan(10);
    for (const extension of extensions.filter((e) => e.value.kind !== 'unknown')) {
      const rows = extensionRows(extension.value);
      expect(rows.length, extension.name).toBeGreaterThan(0);
      for (const row of rows) expect(row.label && row.value, `${extension.name}: ${row.label}`).toBeTruthy();
    }
  });

  it('reads names, usages and policies as people say them', () => {
    expect(extensionRows({ kind: 'keyUsage', usages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] })).toEqual([
      { label: 'Usages', value: 'Digital Signature, Key Encipherment', mono: false },
    ]);
    expect(
      extensionRows({
        kind: 'subjectAltName',
        names: [
          { type: 'dns', value: 'a.example' },
          { type: 'ip', value: '192.0.2.1', hex: 'c0000201' },
          { type: 'registeredId', oid: '1.2.3' },
        ],
      }).map((r) => `${r.label}=${r.value}`),
    ).toEqual(['DNS=a.example', 'IP address=192.0.2.1', 'Registered ID=1.2.3']);
    expect(
      extensionRows({ kind: 'basicConstraints', ca: true, pathLength: null }).map((r) => r.value),
    ).toEqual(['Yes (CA:TRUE)', 'unlimited']);
    expect(extensionRows({ kind: 'unknown' })).toEqual([]);
  });
});
