import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { demoApprover } from './approvers';
import { createSimulator } from './simulator';
import { tsb, serveTsbSimulator } from './test-server';
import { makeCsr, signCertificateBody, tsbHeaders } from './testing';

// Credentials, documented errors, keys, CSR creation and certificate import.

const ctx = serveTsbSimulator();
const json = { 'content-type': 'application/json' };

const syncSign = (signKeyName: string, certificateSigningRequest: string, fields: Record<string, unknown> = {}) =>
  tsb<{ label: string; certificate: string }>('POST', '/v1/certificate/synchronous/sign', {
    ...signCertificateBody(signKeyName, certificateSigningRequest).signCertificateRequest,
    ...fields,
  });

const bareBase64 = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

describe('credentials', () => {
  it('refuses a missing or wrong API key with 401/631', async () => {
    const expected = { status: 401, body: { errorCode: 631, reason: 'res.error.invalid.api.key' } };
    expect(await tsb('GET', '/v1/key', undefined, json)).toMatchObject(expected);
    expect(await tsb('GET', '/v1/key', undefined, { ...json, 'x-api-key': 'wrong' })).toMatchObject(expected);
    expect(await tsb('GET', '/v1/versionInfo', undefined, { authorization: 'Bearer certdesk-demo-key' })).toMatchObject(expected);
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
    expect((await tsb('GET', '/v1/keystore/statistics', undefined, { authorization: 'Bearer jwt-for-tests' })).status).toBe(200);
    expect((await tsb('GET', '/v1/keystore/statistics')).status).toBe(401);
    expect(ctx.sim.credentials.apiKey).toBeUndefined();
  });
});

describe('documented errors', () => {
  it('answers an unknown key with 404/650 and an unknown request with 404/651', async () => {
    const unknownKey = { status: 404, body: { errorCode: 650, reason: 'res.error.key.not.existent' } };
    expect(await tsb('POST', '/v1/key/attributes', { label: 'nope' })).toMatchObject(unknownKey);
    expect(await tsb('GET', '/v1/certificate/nope')).toMatchObject(unknownKey);
    expect(await tsb('POST', '/v1/certificate/sign', signCertificateBody('nope', await makeCsr('x')))).toMatchObject(unknownKey);
    const unknownRequest = { status: 404, body: { errorCode: 651, reason: 'res.error.request.not.existent' } };
    expect(await tsb('GET', '/v1/request/00000000-0000-4000-8000-000000000000')).toMatchObject(unknownRequest);
    expect(await tsb('DELETE', '/v1/request/00000000-0000-4000-8000-000000000000')).toMatchObject(unknownRequest);
  });

  it('refuses a bad CSR with 628, including one whose signature does not verify', async () => {
    const bad = { status: 400, body: { errorCode: 628, reason: 'res.error.csr.invalid.format' } };
    expect(await syncSign('CA.direct.example', 'not a csr')).toMatchObject(bad);
    expect(await syncSign('CA.direct.example', '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----')).toMatchObject(bad);
    const pem = await makeCsr('tampered.example');
    const der = Buffer.from(bareBase64(pem), 'base64');
    der[der.length - 5] = (der[der.length - 5] ?? 0) ^ 0x01;
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----`;
    expect(await syncSign('CA.direct.example', tampered)).toMatchObject(bad);
    expect(await tsb('POST', '/v1/certificate/sign', signCertificateBody('CA.approver.example', tampered))).toMatchObject(bad);
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
    expect(await syncSign('CA.direct.example', csr, { signatureAlgorithm: 'SHA256_WITH_ECDSA' })).toMatchObject({ status: 400, body: { errorCode: 607 } });
    expect(await syncSign('CA.direct.example', csr, { signatureAlgorithm: 'SHA224_WITH_RSA' })).toMatchObject({ status: 400, body: { errorCode: 611 } });
    expect((await syncSign('CA.direct.example', csr, { signatureAlgorithm: 'SHA512_WITH_RSA' })).status).toBe(200);
  });

  it('answers bodies that do not parse with 600 and unknown enum values with 501', async () => {
    const notJson = await fetch('http://tsb.test/v1/certificate/sign', { method: 'POST', headers: tsbHeaders, body: '{' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ errorCode: 600, reason: 'res.error.input.validation.failed' });
    expect(await tsb('POST', '/v1/certificate/sign', { signCertificateRequest: {} })).toMatchObject({ status: 400, body: { errorCode: 600 } });
    const csr = await makeCsr('x');
    expect(await tsb('POST', '/v1/certificate/sign', signCertificateBody('CA.direct.example', csr, { keyUsage: ['FLY'] }))).toMatchObject({
      status: 400,
      body: { errorCode: 501, reason: 'res.error.invalid.value.for.enum' },
    });
  });
});

describe('keys', () => {
  it('lists keys and describes them with their policy', async () => {
    expect((await tsb('GET', '/v1/key')).body).toEqual(['CA.approver.example', 'CA.timelock.example', 'CA.ec.example', 'CA.direct.example', 'SUB.leaf.example']);
    const ec = (await tsb<{ json: Record<string, unknown>; xml: string; xmlSignature: string }>('POST', '/v1/key/attributes', { label: 'CA.ec.example' })).body;
    expect(ec.json).toMatchObject({ label: 'CA.ec.example', algorithm: 'EC', algorithmOid: '1.2.840.10045.2.1', curveOid: '1.2.840.10045.3.1.7', keySize: 256 });
    expect(ec.json.policy).toMatchObject({ ruleUse: { tokens: [{ groups: [{ name: 'Security' }, { name: 'Operations' }] }] }, keyStatus: { blocked: false } });
    expect(ec.xml).toContain('<label>CA.ec.example</label>');
    const direct = (await tsb<{ json: Record<string, unknown> }>('POST', '/v1/key/attributes', { label: 'CA.direct.example' })).body;
    expect(direct.json).toMatchObject({ algorithm: 'RSA', keySize: 2048, policy: null, attributes: { sign: true, extractable: false } });
  });

  it('creates a key with a policy; refuses a duplicate (608) and timers not divisible by 60 (600)', async () => {
    const approvals = [{ type: 'public_key', name: 'David Weber', value: demoApprover('david').publicKey }];
    const policy = (timelock: number) => ({
      ruleUse: { tokens: [{ name: 'T', timelock, timeout: 600, groups: [{ name: 'G', quorum: 1, approvals }] }] },
      keyStatus: { blocked: false },
    });
    const body = { label: 'CA.new.example', algorithm: 'EC', curveOid: '1.2.840.10045.3.1.7', attributes: { sign: true }, policy: policy(0) };
    expect(await tsb('POST', '/v1/key', { ...body, policy: policy(90) })).toMatchObject({ status: 400, body: { errorCode: 600 } });
    const created = await tsb<{ json: Record<string, unknown> }>('POST', '/v1/key', body);
    expect(created.status).toBe(201);
    expect(created.body.json).toMatchObject({ label: 'CA.new.example', algorithm: 'EC', policy: { ruleUse: { tokens: [{ timeout: 600 }] } } });
    expect(await tsb('POST', '/v1/key', body)).toMatchObject({ status: 400, body: { errorCode: 608, reason: 'res.error.key.already.existing' } });
  });
});

describe('CSR from an HSM key, signing and import', () => {
  it('makes a CSR, signs it and imports the certificate for the key', async () => {
    const reply = await tsb<{ label: string; certificateSigningRequest: string }>('POST', '/v1/certificate/synchronous/request', {
      signKeyName: 'SUB.leaf.example',
      keyPassword: null,
      signatureAlgorithm: 'SHA256_WITH_RSA',
      validity: 365,
      standardCertificateAttributes: { commonName: 'SUB.leaf.example', country: 'CH', organizationName: 'Example SA', email: null },
      keyUsage: ['DIGITAL_SIGNATURE'],
      extendedKeyUsage: ['CLIENT_AUTH'],
    });
    expect(reply.status).toBe(200);
    const { certificateSigningRequest } = reply.body;
    expect(certificateSigningRequest).toMatch(/^-----BEGIN NEW CERTIFICATE REQUEST-----\n[\s\S]+\n-----END NEW CERTIFICATE REQUEST-----\n$/);
    const csr = new x509.Pkcs10CertificateRequest(bareBase64(certificateSigningRequest));
    expect(csr.subject).toBe('C=CH, O=Example SA, CN=SUB.leaf.example');
    expect(await csr.verify()).toBe(true);
    expect(csr.getExtension('2.5.29.15')?.critical).toBe(true);

    const signed = await syncSign('CA.direct.example', certificateSigningRequest, { commonName: 'SUB.leaf.example' });
    expect(signed.status).toBe(200);
    const base64 = bareBase64(signed.body.certificate);
    expect(await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: base64 })).toMatchObject({
      status: 200,
      body: { label: 'SUB.leaf.example', certificate: base64 },
    });
    expect((await tsb('GET', '/v1/certificate/SUB.leaf.example')).body).toEqual({ label: 'SUB.leaf.example', certificate: base64 });
  });

  it('refuses to import a certificate of another key (402), PEM or garbage (626), for an unknown key (650)', async () => {
    const other = bareBase64((await syncSign('CA.direct.example', await makeCsr('other.example'))).body.certificate);
    expect(await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: other })).toMatchObject({
      status: 400,
      body: { errorCode: 402, reason: 'res.error.invalid.certificate' },
    });
    const pem = `-----BEGIN CERTIFICATE-----\n${other}\n-----END CERTIFICATE-----`;
    expect(await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: pem })).toMatchObject({ body: { errorCode: 626 } });
    expect(await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: 'AAAA' })).toMatchObject({ body: { errorCode: 626 } });
    expect(await tsb('POST', '/v1/certificate/import/plain', { label: 'nope', certificate: other })).toMatchObject({ status: 404, body: { errorCode: 650 } });
  });

  it('answers 404 for a key without a certificate', async () => {
    expect((await tsb('GET', '/v1/certificate/SUB.leaf.example')).status).toBe(404);
  });

  it('self-signs synchronously with a key without policy', async () => {
    const reply = await tsb<{ label: string; certificate: string }>('POST', '/v1/certificate/synchronous/selfsign', {
      signKeyName: 'SUB.leaf.example',
      validity: 30,
      signatureAlgorithm: 'SHA256_WITH_RSA',
      commonName: 'Self',
      certificateAuthority: false,
    });
    expect(new x509.X509Certificate(reply.body.certificate).subject).toBe('CN=Self');
    expect((await tsb<{ certificate: string }>('GET', '/v1/certificate/SUB.leaf.example')).body.certificate).toBe(bareBase64(reply.body.certificate));
  });
});
