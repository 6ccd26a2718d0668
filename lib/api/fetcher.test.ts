import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiFetch } from './fetcher';

const schema = z.object({ id: z.string() });

function answer(status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(text, { status, statusText: 'Status' }))),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => vi.unstubAllGlobals());

describe('apiFetch', () => {
  it('returns the body parsed with the schema', async () => {
    answer(200, { id: 'r1', extra: true });
    await expect(apiFetch('/api/x', { schema })).resolves.toEqual({ id: 'r1' });
  });

  it('sends JSON bodies and the given headers', async () => {
    answer(201, { id: 'r1' });
    await apiFetch('/api/requests', {
      method: 'POST',
      body: { a: 1 },
      schema,
      headers: { 'Idempotency-Key': 'k' },
    });
    const [path, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(path).toBe('/api/requests');
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
    });
  });

  it('turns our error body into an ApiError with its field issues', async () => {
    answer(422, { error: { code: 'invalid_csr', message: 'Bad CSR', issues: { csrPem: ['Bad CSR'] } } });
    const error = await failure(apiFetch('/api/requests', { schema }));
    expect(error).toMatchObject({
      status: 422,
      code: 'invalid_csr',
      message: 'Bad CSR',
      issues: { csrPem: ['Bad CSR'] },
    });
  });

  it('still gives a typed error when the error body is not ours', async () => {
    answer(502, '<html>Bad gateway</html>');
    const error = await failure(apiFetch('/api/keys', { schema }));
    expect(error).toMatchObject({ status: 502, code: 'http_error', issues: {} });
  });

  it('refuses a 2xx answer that does not match the schema', async () => {
    answer(200, { nope: 1 });
    const error = await failure(apiFetch('/api/keys', { schema }));
    expect(error.code).toBe('invalid_response');
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await failure(apiFetch('/api/keys', { schema }));
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });
});
