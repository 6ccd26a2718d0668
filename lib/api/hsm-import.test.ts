import { describe, expect, it } from 'vitest';
import { confirmedLabel, hsmImportOf, importUnknownCode } from './hsm-import';

const lost = (label?: string) => ({
  code: importUnknownCode,
  message: 'The TSB did not answer the import in time.',
  ...(label === undefined ? {} : { label }),
});

describe('hsmImportOf', () => {
  it('is not imported only when nothing was imported and no import is in doubt', () => {
    expect(hsmImportOf({ importedLabel: null, error: null })).toEqual({ state: 'not_imported' });
    // Another error of the request says nothing about an import.
    expect(hsmImportOf({ importedLabel: null, error: { code: 'timeout', message: 'late' } })).toEqual({
      state: 'not_imported',
    });
  });

  it('is imported under the label the TSB confirmed', () => {
    expect(hsmImportOf({ importedLabel: 'SUB.leaf', error: null })).toEqual({
      state: 'imported',
      label: 'SUB.leaf',
    });
  });

  it('is unknown, never not imported, while an import answer is lost', () => {
    expect(hsmImportOf({ importedLabel: null, error: lost('SUB.leaf') })).toEqual({
      state: 'unknown',
      label: 'SUB.leaf',
      importedLabel: null,
    });
    // Stored before the label was kept with the error.
    expect(hsmImportOf({ importedLabel: null, error: lost() })).toMatchObject({
      state: 'unknown',
      label: null,
    });
  });

  it('keeps an earlier confirmed import beside a later one in doubt', () => {
    const state = hsmImportOf({ importedLabel: 'SUB.first', error: lost('SUB.second') });
    expect(state).toEqual({ state: 'unknown', label: 'SUB.second', importedLabel: 'SUB.first' });
    expect(confirmedLabel(state)).toBe('SUB.first');
    expect(confirmedLabel({ state: 'not_imported' })).toBeNull();
  });
});
