import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HsmImportStatus } from './hsm-import-status';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('HsmImportStatus', () => {
  it('names the label of a confirmed import, and says when there is none', () => {
    expect(
      text(renderToStaticMarkup(<HsmImportStatus hsmImport={{ state: 'imported', label: 'SUB.leaf' }} />)),
    ).toBe('SUB.leaf');
    expect(text(renderToStaticMarkup(<HsmImportStatus hsmImport={{ state: 'not_imported' }} />))).toBe(
      'not imported',
    );
  });

  it('reads a lost import answer as unknown, with the label to check, never as not imported', () => {
    const shown = text(
      renderToStaticMarkup(
        <HsmImportStatus hsmImport={{ state: 'unknown', label: 'SUB.leaf', importedLabel: null }} />,
      ),
    );
    expect(shown).toMatch(/^unknown/);
    expect(shown).toContain('answer to the import into SUB.leaf was lost; it may have been imported');
    expect(shown).toContain('Check the HSM or retry the import');
    expect(shown).not.toMatch(/not imported/i);
  });
});
