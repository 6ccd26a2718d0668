import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { afterAll, describe, expect, it } from 'vitest';
import { tsb, serveTsbSimulator } from './test-server';
import { approveAs, makeCsr, signCertificateBody } from './testing';

// An independent verifier agrees: OpenSSL chains every issued certificate to its CA certificate.

const ctx = serveTsbSimulator();
const dir = mkdtempSync(join(tmpdir(), 'tsb-openssl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function caPem(label: string): Promise<string> {
  const { body } = await tsb<{ certificate: string }>('GET', `/v1/certificate/${label}`);
  return new x509.X509Certificate(body.certificate).toString('pem');
}

function opensslVerify(name: string, ca: string, leaf: string): string {
  writeFileSync(join(dir, `${name}-ca.pem`), ca);
  writeFileSync(join(dir, `${name}.pem`), `${leaf}\n`);
  return execFileSync('openssl', ['verify', '-CAfile', `${name}-ca.pem`, `${name}.pem`], {
    cwd: dir,
    encoding: 'utf8',
  });
}

describe('openssl verify', () => {
  it('verifies an RSA-issued certificate from the approval flow', async () => {
    const body = signCertificateBody('CA.approver.example', await makeCsr('web.example'), {
      commonName: 'web.example',
      signatureAlgorithm: 'SHA384_WITH_RSA',
      keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
      extendedKeyUsage: ['SERVER_AUTH'],
    });
    const id = (await tsb<{ signRequestId: string }>('POST', '/v1/certificate/sign', body)).body
      .signRequestId;
    await approveAs(ctx.sim, 'alice', id);
    await approveAs(ctx.sim, 'chloe', id);
    const { result } = (await tsb<{ result: string }>('GET', `/v1/request/${id}`)).body;
    expect(opensslVerify('rsa', await caPem('CA.approver.example'), result)).toBe('rsa.pem: OK\n');
    const text = execFileSync('openssl', ['x509', '-in', 'rsa.pem', '-noout', '-text'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(text).toContain('Signature Algorithm: sha384WithRSAEncryption');
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
  });

  it('verifies an ECDSA-issued CA certificate and the CSR the HSM key made', async () => {
    const body = signCertificateBody('CA.ec.example', await makeCsr('Issuing CA', { algorithm: 'RSA' }), {
      commonName: 'Issuing CA',
      signatureAlgorithm: 'SHA256_WITH_ECDSA',
      certificateAuthority: true,
      keyUsage: ['KEY_CERT_SIGN', 'CRL_SIGN'],
      extendedKeyUsage: [],
    });
    const id = (await tsb<{ signRequestId: string }>('POST', '/v1/certificate/sign', body)).body
      .signRequestId;
    await approveAs(ctx.sim, 'chloe', id);
    await approveAs(ctx.sim, 'david', id);
    const { result } = (await tsb<{ result: string }>('GET', `/v1/request/${id}`)).body;
    expect(opensslVerify('ec', await caPem('CA.ec.example'), result)).toBe('ec.pem: OK\n');

    const csr = await tsb<{ certificateSigningRequest: string }>(
      'POST',
      '/v1/certificate/synchronous/request',
      {
        signKeyName: 'SUB.leaf.example',
        signatureAlgorithm: 'SHA256_WITH_RSA',
        validity: 365,
        standardCertificateAttributes: { commonName: 'SUB.leaf.example', organizationName: 'Example SA' },
      },
    );
    writeFileSync(join(dir, 'sub.csr'), csr.body.certificateSigningRequest);
    const out = execFileSync('openssl', ['req', '-in', 'sub.csr', '-noout', '-verify', '-subject'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(out).toContain('subject=O = Example SA, CN = SUB.leaf.example');
  });
});
