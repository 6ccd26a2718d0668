import { describe, expect, it } from 'vitest';
import { createSimulator } from './simulator';
import { bareBase64, serveTsbSimulator, syncSign, tsb } from './test-server';
import { makeCsr, signCertificateBody, tsbHeaders } from './testing';

// Credentials, call counters and the documented error answers.

const ctx = serveTsbSimulator();
const json = { 'content-type': 'application/json' };

describe('credentials', () => {
  it('refuses a missing or wrong API key with 401/631', async () => {
    const expected = { status: 401, body: { errorCode: 631, reason: 'res.error.invalid.api.key' } };
    expect(await tsb('GET', '/v1/key', undefined, json)).toMatchObject(expected);
    expect(await tsb('GET', '/v1/key', undefined, { ...json, 'x-api-key': 'wrong' })).toMatchObject(expected);
    expect(
      await tsb('GET', '/v1/versionInfo', undefined, { authorization: 'Bearer certdesk-demo-key' }),
    ).toMatchObject(expected);
    expect((await tsb('GET', '/v1/key')).status).toBe(200);
  });

  it('counts calls per endpoint until reset', async () => {
    await tsb('GET', '/v1/key');
    await tsb('GET', '/v1/key', undefined, json);
    await tsb('GET', '/v1/request/nope');
    expect(ctx.sim.stats()).toEqual({ 'GET /v1/key': 2, 'GET /v1/request/{id}': 1 });
    expect((await tsb('GET', '/_sim/stats', undefined, {})).body).toEqual(ctx.sim.stats());
    expect((await tsb('POST', '/_sim/reset', undefined, {})).status).toBe(204);
    expect(ctx.sim.stats()).toEqual({});
  });

  it('accepts only the bearer token when configured with one', async () => {
    ctx.serve(await createSimulator({ bearerToken: 'jwt-for-tests' }));
    expect(
      (await tsb('GET', '/v1/keystore/statistics', undefined, { authorization: 'Bearer jwt-for-tests' }))
        .status,
    ).toBe(200);
    expect((await tsb('GET', '/v1/keystore/statistics')).status).toBe(401);
    expect(ctx.sim.credentials.apiKey).toBeUndefined();
  });
});

describe('documented errors', () => {
  it('answers an unknown key with 404/650 and an unknown request with 404/651', async () => {
    const unknownKey = { status: 404, body: { errorCode: 650, reason: 'res.error.key.not.existent' } };
    expect(await tsb('POST', '/v1/key/attributes', { label: 'nope' })).toMatchObject(unknownKey);
    expect(await tsb('GET', '/v1/certificate/nope')).toMatchObject(unknownKey);
    expect(
      await tsb('POST', '/v1/certificate/sign', signCertificateBody('nope', await makeCsr('x'))),
    ).toMatchObject(unknownKey);
    const unknownRequest = {
      status: 404,
      body: { errorCode: 651, reason: 'res.error.request.not.existent' },
    };
    expect(await tsb('GET', '/v1/request/00000000-0000-4000-8000-000000000000')).toMatchObject(
      unknownRequest,
    );
    expect(await tsb('DELETE', '/v1/request/00000000-0000-4000-8000-000000000000')).toMatchObject(
      unknownRequest,
    );
  });

  it('refuses a bad CSR with 628, including one whose signature does not verify', async () => {
    const bad = { status: 400, body: { errorCode: 628, reason: 'res.error.csr.invalid.format' } };
    expect(await syncSign('CA.direct.example', 'not a csr')).toMatchObject(bad);
    expect(
      await syncSign(
        'CA.direct.example',
        '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
      ),
    ).toMatchObject(bad);
    const pem = await makeCsr('tampered.example');
    const der = Buffer.from(bareBase64(pem), 'base64');
    der[der.length - 5] = (der[der.length - 5] ?? 0) ^ 0x01;
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----`;
    expect(await syncSign('CA.direct.example', tampered)).toMatchObject(bad);
    expect(
      await tsb('POST', '/v1/certificate/sign', signCertificateBody('CA.approver.example', tampered)),
    ).toMatchObject(bad);
    expect(ctx.sim.requests.size).toBe(0);
  });

  it('refuses synchronous signing with a policy key (missing approval)', async () => {
    expect(await syncSign('CA.approver.example', await makeCsr('x'))).toMatchObject({
      status: 400,
      body: { errorCode: 401, reason: 'res.error.missing.approval' },
    });
  });

  it('refuses a signature algorithm the key cannot make', async () => {
    const csr = await makeCsr('x');
    expect(
      await syncSign('CA.direct.example', csr, { signatureAlgorithm: 'SHA256_WITH_ECDSA' }),
    ).toMatchObject({ status: 400, body: { errorCode: 607 } });
    expect(await syncSign('CA.direct.example', csr, { signatureAlgorithm: 'SHA224_WITH_RSA' })).toMatchObject(
      { status: 400, body: { errorCode: 611 } },
    );
    expect((await syncSign('CA.direct.example', csr, { signatureAlgorithm: 'SHA512_WITH_RSA' })).status).toBe(
      200,
    );
  });

  it('answers bodies that do not parse with 600 and unknown enum values with 501', async () => {
    const notJson = await fetch('http://tsb.test/v1/certificate/sign', {
      method: 'POST',
      headers: tsbHeaders,
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      errorCode: 600,
      reason: 'res.error.input.validation.failed',
    });
    expect(await tsb('POST', '/v1/certificate/sign', { signCertificateRequest: {} })).toMatchObject({
      status: 400,
      body: { errorCode: 600 },
    });
    const csr = await makeCsr('x');
    expect(
      await tsb(
        'POST',
        '/v1/certificate/sign',
        signCertificateBody('CA.direct.example', csr, { keyUsage: ['FLY'] }),
      ),
    ).toMatchObject({
      status: 400,
      body: { errorCode: 501, reason: 'res.error.invalid.value.for.enum' },
    });
  });
});
