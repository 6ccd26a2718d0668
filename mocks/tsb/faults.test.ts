import { describe, expect, it } from 'vitest';
import { clearFaults, faultsSettled, setFault, type FaultInput } from './faults';
import { serveTsbSimulator } from './test-server';
import { makeCsr, signCertificateBody, TSB_TEST_BASE_URL, tsbHeaders } from './testing';

// The simulator's fault model: what each toxic does to the answer, and whether the endpoint still acted.

const ctx = serveTsbSimulator();
const signPath = '/v1/certificate/sign';

async function sign(fault?: Omit<FaultInput, 'method' | 'path'>) {
  if (fault) setFault(ctx.sim, { method: 'POST', path: signPath, count: 1, ...fault });
  const before = ctx.sim.requests.size;
  const body = JSON.stringify(signCertificateBody('CA.approver.example', await makeCsr('leaf.example')));
  const response = await fetch(`${TSB_TEST_BASE_URL}${signPath}`, {
    method: 'POST',
    headers: tsbHeaders,
    body,
  }).catch((e: unknown) => e);
  return { response, acted: async () => (await faultsSettled(ctx.sim), ctx.sim.requests.size - before) };
}

const text = (response: unknown) => (response as Response).text();

describe('faults that refuse: the endpoint does not act', () => {
  it.each([
    ['status', { status: 503 }, 503],
    ['rate_limit', { toxic: 'rate_limit' as const, retryAfterSeconds: 7 }, 429],
    ['content_type', { toxic: 'content_type' as const }, 200],
  ])('%s', async (_name, fault, status) => {
    const { response, acted } = await sign(fault);
    expect((response as Response).status).toBe(status);
    if (status === 429) expect((response as Response).headers.get('retry-after')).toBe('7');
    if (status === 200) expect((response as Response).headers.get('content-type')).toMatch(/^text\/html/);
    await text(response);
    expect(await acted()).toBe(0);
  });
});

describe('faults that damage the answer: the endpoint acts', () => {
  it('reset_peer sends half the body, then the connection breaks', async () => {
    const { response, acted } = await sign({ toxic: 'reset_peer' });
    expect((response as Response).status).toBe(201);
    await expect(text(response)).rejects.toThrow(/reset/);
    expect(await acted()).toBe(1);
  });

  it('limit_data ends the body early, cleanly', async () => {
    const { response, acted } = await sign({ toxic: 'limit_data', keepBytes: 10 });
    expect(await text(response)).toBe('{"signRequ');
    expect(await acted()).toBe(1);
  });

  it('slicer and bandwidth deliver the whole answer, in pieces and slowly', async () => {
    const before = ctx.sim.requests.size;
    const sliced = await sign({ toxic: 'slicer' });
    expect(JSON.parse(await text(sliced.response))).toHaveProperty('signRequestId');
    const started = Date.now();
    const dripped = await sign({ toxic: 'bandwidth', bytesPerSecond: 1_000 });
    const body = await text(dripped.response);
    expect(JSON.parse(body)).toHaveProperty('signRequestId');
    expect(Date.now() - started).toBeGreaterThanOrEqual(body.length - 100);
    await dripped.acted();
    expect(ctx.sim.requests.size - before).toBe(2);
  });

  it('huge_body streams the real answer padded to sizeBytes', async () => {
    const { response, acted } = await sign({ toxic: 'huge_body', sizeBytes: 3 * 1024 * 1024 });
    const body = await text(response);
    expect(body).toHaveLength(3 * 1024 * 1024);
    expect(JSON.parse(body)).toHaveProperty('signRequestId');
    expect(await acted()).toBe(1);
  });

  it('malformed_json and wrong_schema spoil the JSON or its shape', async () => {
    const before = ctx.sim.requests.size;
    const malformed = await sign({ toxic: 'malformed_json' });
    await expect((malformed.response as Response).json()).rejects.toThrow();
    const wrong = await sign({ toxic: 'wrong_schema' });
    expect(await (wrong.response as Response).json()).toMatchObject({
      data: { signRequestId: expect.any(String) as string },
    });
    await wrong.acted();
    expect(ctx.sim.requests.size - before).toBe(2);
  });

  it('latency acts after the wait; timeout never answers and never acts', async () => {
    const started = Date.now();
    const late = await sign({ delayMs: 80 });
    expect((late.response as Response).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(await late.acted()).toBe(1);

    setFault(ctx.sim, { method: 'POST', path: signPath, hang: true, count: 1 });
    const body = JSON.stringify(signCertificateBody('CA.approver.example', await makeCsr('leaf.example')));
    const hung = await fetch(`${TSB_TEST_BASE_URL}${signPath}`, {
      method: 'POST',
      headers: tsbHeaders,
      body,
      signal: AbortSignal.timeout(100),
    }).catch((e: unknown) => e);
    expect(hung).toMatchObject({ name: 'TimeoutError' });
    const afterHang = ctx.sim.requests.size;
    await faultsSettled(ctx.sim);
    expect(ctx.sim.requests.size).toBe(afterHang);
  });

  it('counts down `count` and is cleared by clearFaults', async () => {
    setFault(ctx.sim, { method: 'POST', path: signPath, status: 500, count: 2 });
    expect(((await sign()).response as Response).status).toBe(500);
    expect(((await sign()).response as Response).status).toBe(500);
    expect(((await sign()).response as Response).status).toBe(201);
    setFault(ctx.sim, { method: 'POST', path: signPath, status: 500 });
    clearFaults(ctx.sim);
    expect(((await sign()).response as Response).status).toBe(201);
  });
});
