import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestView, SubmitRequest } from '@/lib/api/dto';
import { importCertificateMutationOptions, requestQueryOptions, submitAttempt } from './requests';

const body: SubmitRequest = {
  csrPem: '-----BEGIN CERTIFICATE REQUEST-----\nMII…\n-----END CERTIFICATE REQUEST-----\n',
  signKeyName: 'CA.approver.example',
  signatureAlgorithm: 'SHA256_WITH_RSA',
  commonName: 'leaf.example',
  certificateAuthority: false,
  keyUsage: ['DIGITAL_SIGNATURE'],
  extendedKeyUsage: ['SERVER_AUTH'],
  reason: '',
};

describe('submitAttempt', () => {
  it('makes a fresh high-entropy key for a first attempt', () => {
    const first = submitAttempt(null, body);
    expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reuses the key when the same payload is sent again', () => {
    const first = submitAttempt(null, body);
    expect(submitAttempt(first, { ...body }).idempotencyKey).toBe(first.idempotencyKey);
  });

  it('makes a new key once the payload changes', () => {
    const first = submitAttempt(null, body);
    const changed = submitAttempt(first, { ...body, commonName: 'other.example' });
    expect(changed.idempotencyKey).not.toBe(first.idempotencyKey);
  });
});

const at = '2026-01-01T00:00:00.000Z';
const executed: RequestView = {
  id: 'req-1',
  tsbRequestId: 'tsb-1',
  mode: 'async',
  status: 'EXECUTED',
  signKeyName: 'CA.approver.example',
  signatureAlgorithm: 'SHA256_WITH_RSA',
  commonName: 'leaf.example',
  certificateAuthority: false,
  keyUsage: [],
  extendedKeyUsage: [],
  reason: '',
  csrPem: 'x',
  csrSha256: 'y',
  createdAt: at,
  updatedAt: at,
  executionTime: at,
  timelockEndsAt: null,
  expiresAt: null,
  approval: null,
  certificatePem: 'pem',
  resultMismatches: [],
  importedLabel: null,
  error: null,
  requester: null,
  history: [{ status: 'EXECUTED', at, note: null }],
  lastCheckedAt: at,
};

/** A server whose import answer was lost: POST …/import answers 504 and stores `import_unknown` on the request. */
function serverLosingTheImportAnswer() {
  let stored = executed;
  return vi.fn((path: string, init?: RequestInit) => {
    if (init?.method === 'POST' && path === '/api/requests/req-1/import') {
      const error = { code: 'import_unknown', message: 'The TSB did not answer in time.' };
      stored = { ...stored, error };
      return Promise.resolve(Response.json({ error }, { status: 504 }));
    }
    if (path === '/api/requests/req-1') return Promise.resolve(Response.json(stored));
    return Promise.resolve(Response.json({ error: { code: 'not_found', message: path } }, { status: 404 }));
  });
}

describe('importing a certificate', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('re-reads the final request after a lost answer, so its page shows import_unknown without a reload', async () => {
    vi.stubGlobal('fetch', serverLosingTheImportAnswer());
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const page = new QueryObserver(client, requestQueryOptions('req-1'));
    const unsubscribe = page.subscribe(() => undefined);
    try {
      await vi.waitFor(() => expect(page.getCurrentResult().data?.status).toBe('EXECUTED'));
      expect(page.getCurrentResult().data?.error).toBeNull();

      const form = new MutationObserver(client, importCertificateMutationOptions(client, 'req-1'));
      await expect(form.mutate({ label: 'leaf.example' })).rejects.toMatchObject({
        status: 504,
        code: 'import_unknown',
      });

      // Settled only once the re-read landed: the page already holds the stored state.
      expect(page.getCurrentResult().data?.error).toMatchObject({ code: 'import_unknown' });
      expect(page.getCurrentResult().data?.importedLabel).toBeNull();
    } finally {
      unsubscribe();
      client.clear();
    }
  });
});
