import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { demoApprover } from './approvers';
import { bareBase64, serveTsbSimulator, syncSign, tsb } from './test-server';
import { makeCsr } from './testing';

// Keys and their attributes, CSRs made by an HSM key, certificate import and self-signing.

serveTsbSimulator();

describe('keys', () => {
  it('lists keys and describes them with their policy', async () => {
    expect((await tsb('GET', '/v1/key')).body).toEqual([
      'CA.approver.example',
      'CA.timelock.example',
      'CA.ec.example',
      'CA.direct.example',
      'SUB.leaf.example',
    ]);
    const ec = (
      await tsb<{ json: Record<string, unknown>; xml: string; xmlSignature: string }>(
        'POST',
        '/v1/key/attributes',
        { label: 'CA.ec.example' },
      )
    ).body;
    expect(ec.json).toMatchObject({
      label: 'CA.ec.example',
      algorithm: 'EC',
      algorithmOid: '1.2.840.10045.2.1',
      curveOid: '1.2.840.10045.3.1.7',
      keySize: 256,
    });
    expect(ec.json.policy).toMatchObject({
      ruleUse: { tokens: [{ groups: [{ name: 'Security' }, { name: 'Operations' }] }] },
      keyStatus: { blocked: false },
    });
    expect(ec.xml).toContain('<label>CA.ec.example</label>');
    const direct = (
      await tsb<{ json: Record<string, unknown> }>('POST', '/v1/key/attributes', {
        label: 'CA.direct.example',
      })
    ).body;
    expect(direct.json).toMatchObject({
      algorithm: 'RSA',
      keySize: 2048,
      policy: null,
      attributes: { sign: true, extractable: false },
    });
  });

  it('creates a key with a policy; refuses a duplicate (608) and timers not divisible by 60 (600)', async () => {
    const approvals = [{ type: 'public_key', name: 'David Weber', value: demoApprover('david').publicKey }];
    const policy = (timelock: number) => ({
      ruleUse: {
        tokens: [{ name: 'T', timelock, timeout: 600, groups: [{ name: 'G', quorum: 1, approvals }] }],
      },
      keyStatus: { blocked: false },
    });
    const body = {
      label: 'CA.new.example',
      algorithm: 'EC',
      curveOid: '1.2.840.10045.3.1.7',
      attributes: { sign: true },
      policy: policy(0),
    };
    expect(await tsb('POST', '/v1/key', { ...body, policy: policy(90) })).toMatchObject({
      status: 400,
      body: { errorCode: 600 },
    });
    const created = await tsb<{ json: Record<string, unknown> }>('POST', '/v1/key', body);
    expect(created.status).toBe(201);
    expect(created.body.json).toMatchObject({
      label: 'CA.new.example',
      algorithm: 'EC',
      policy: { ruleUse: { tokens: [{ timeout: 600 }] } },
    });
    expect(await tsb('POST', '/v1/key', body)).toMatchObject({
      status: 400,
      body: { errorCode: 608, reason: 'res.error.key.already.existing' },
    });
  });
});

describe('CSR from an HSM key, signing and import', () => {
  it('makes a CSR, signs it and imports the certificate for the key', async () => {
    const reply = await tsb<{ label: string; certificateSigningRequest: string }>(
      'POST',
      '/v1/certificate/synchronous/request',
      {
        signKeyName: 'SUB.leaf.example',
        keyPassword: null,
        signatureAlgorithm: 'SHA256_WITH_RSA',
        validity: 365,
        standardCertificateAttributes: {
          commonName: 'SUB.leaf.example',
          country: 'CH',
          organizationName: 'Example SA',
          email: null,
        },
        keyUsage: ['DIGITAL_SIGNATURE'],
        extendedKeyUsage: ['CLIENT_AUTH'],
      },
    );
    expect(reply.status).toBe(200);
    const { certificateSigningRequest } = reply.body;
    expect(certificateSigningRequest).toMatch(
      /^-----BEGIN NEW CERTIFICATE REQUEST-----\n[\s\S]+\n-----END NEW CERTIFICATE REQUEST-----\n$/,
    );
    const csr = new x509.Pkcs10CertificateRequest(bareBase64(certificateSigningRequest));
    expect(csr.subject).toBe('C=CH, O=Example SA, CN=SUB.leaf.example');
    expect(await csr.verify()).toBe(true);
    expect(csr.getExtension('2.5.29.15')?.critical).toBe(true);

    const signed = await syncSign('CA.direct.example', certificateSigningRequest, {
      commonName: 'SUB.leaf.example',
    });
    expect(signed.status).toBe(200);
    const base64 = bareBase64(signed.body.certificate);
    expect(
      await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: base64 }),
    ).toMatchObject({
      status: 200,
      body: { label: 'SUB.leaf.example', certificate: base64 },
    });
    expect((await tsb('GET', '/v1/certificate/SUB.leaf.example')).body).toEqual({
      label: 'SUB.leaf.example',
      certificate: base64,
    });
  });

  it('refuses to import a certificate of another key (402), PEM or garbage (626), for an unknown key (650)', async () => {
    const other = bareBase64(
      (await syncSign('CA.direct.example', await makeCsr('other.example'))).body.certificate,
    );
    expect(
      await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: other }),
    ).toMatchObject({
      status: 400,
      body: { errorCode: 402, reason: 'res.error.invalid.certificate' },
    });
    const pem = `-----BEGIN CERTIFICATE-----\n${other}\n-----END CERTIFICATE-----`;
    expect(
      await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: pem }),
    ).toMatchObject({ body: { errorCode: 626 } });
    expect(
      await tsb('POST', '/v1/certificate/import/plain', { label: 'SUB.leaf.example', certificate: 'AAAA' }),
    ).toMatchObject({ body: { errorCode: 626 } });
    expect(
      await tsb('POST', '/v1/certificate/import/plain', { label: 'nope', certificate: other }),
    ).toMatchObject({ status: 404, body: { errorCode: 650 } });
  });

  it('answers 404 for a key without a certificate', async () => {
    expect((await tsb('GET', '/v1/certificate/SUB.leaf.example')).status).toBe(404);
  });

  it('self-signs synchronously with a key without policy', async () => {
    const reply = await tsb<{ label: string; certificate: string }>(
      'POST',
      '/v1/certificate/synchronous/selfsign',
      {
        signKeyName: 'SUB.leaf.example',
        validity: 30,
        signatureAlgorithm: 'SHA256_WITH_RSA',
        commonName: 'Self',
        certificateAuthority: false,
      },
    );
    expect(new x509.X509Certificate(reply.body.certificate).subject).toBe('CN=Self');
    expect(
      (await tsb<{ certificate: string }>('GET', '/v1/certificate/SUB.leaf.example')).body.certificate,
    ).toBe(bareBase64(reply.body.certificate));
  });
});
