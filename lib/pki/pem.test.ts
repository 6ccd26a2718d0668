import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derToPem, maxInputBytes, pemToBase64Der, readPemOrDer, sha256Hex } from './index';

const certificatePem = readFileSync('mocks/fixtures/seed-approver-sub.pem', 'utf8');
const csrPem = readFileSync('mocks/fixtures/demo-csr-ec-p256.pem', 'utf8');
const { certificate: certificateBase64 } = JSON.parse(
  readFileSync('mocks/fixtures/seed-import-request.json', 'utf8'),
) as { certificate: string };
const certificateDer = Buffer.from(certificateBase64, 'base64');

function expectError(input: Parameters<typeof readPemOrDer>[0], message: string | RegExp) {
  const read = readPemOrDer(input);
  expect(read.ok).toBe(false);
  if (!read.ok) expect(read.error).toMatch(message);
}

describe('readPemOrDer', () => {
  it('reads PEM, bare base64 and binary DER of a certificate to the same DER', () => {
    for (const input of [
      certificatePem,
      certificateBase64,
      certificateDer,
      new Uint8Array(certificateDer).buffer,
    ]) {
      const read = readPemOrDer(input);
      expect(read).toMatchObject({ ok: true, kind: 'certificate' });
      if (read.ok) expect(Buffer.from(read.der).equals(certificateDer)).toBe(true);
    }
    expect(readPemOrDer(certificatePem)).toMatchObject({ label: 'CERTIFICATE' });
    expect(readPemOrDer(certificateBase64)).toMatchObject({ label: null });
  });

  it('reads CSRs under both labels, with CRLF and surrounding text', () => {
    expect(readPemOrDer(csrPem)).toMatchObject({ ok: true, kind: 'csr', label: 'CERTIFICATE REQUEST' });
    const tsbStyle = readFileSync('mocks/fixtures/demo-csr-rsa-new-label.pem', 'utf8');
    expect(readPemOrDer(tsbStyle)).toMatchObject({ ok: true, kind: 'csr', label: 'NEW CERTIFICATE REQUEST' });
    const windows = `Here is my CSR:\r\n${csrPem.replace(/\n/g, '\r\n')}\r\nThanks`;
    expect(readPemOrDer(windows)).toMatchObject({ ok: true, kind: 'csr' });
    expect(readPemOrDer(new TextEncoder().encode(csrPem))).toMatchObject({ ok: true, kind: 'csr' });
  });

  it('refuses empty input', () => {
    expectError('', 'The input is empty');
    expectError('  \n\t', 'The input is empty');
    expectError(new Uint8Array(0), 'The input is empty');
  });

  it('refuses more than one PEM block', () => {
    expectError(`${certificatePem}\n${certificatePem}`, 'contains 2 PEM blocks; paste one');
    expectError(`${certificatePem}${csrPem}${certificatePem}`, 'contains 3 PEM blocks; paste one');
  });

  it('refuses other labels and private keys', () => {
    expectError(
      certificatePem.replace(/CERTIFICATE/g, 'PUBLIC KEY'),
      /labelled "PUBLIC KEY"; expected CERTIFICATE/,
    );
    expectError(certificatePem.replace(/CERTIFICATE/g, 'PRIVATE KEY'), /private key/);
    expectError(certificatePem.replace('END CERTIFICATE', 'END X509 CRL'), /ends with "X509 CRL"/);
    expectError(certificatePem.replace(/-----END CERTIFICATE-----/, ''), 'no END line');
  });

  it('refuses a label that contradicts the content', () => {
    expectError(
      certificatePem.replace(/CERTIFICATE/g, 'CERTIFICATE REQUEST'),
      /labelled CERTIFICATE REQUEST but contains a certificate$/,
    );
  });

  it('refuses invalid base64', () => {
    const lines = certificatePem.split('\n');
    lines[3] = `${lines[3]?.slice(0, 10)}!${lines[3]?.slice(11)}`;
    expectError(lines.join('\n'), 'The PEM body is not valid base64');
    expectError('not a certificate', 'neither PEM nor valid base64');
    expectError(certificateBase64.slice(0, -3), 'neither PEM nor valid base64');
  });

  it('refuses input over the size limit and says the limit', () => {
    expect(maxInputBytes).toBe(16 * 1024);
    expectError(`${certificatePem}${' '.repeat(maxInputBytes)}`, /limit is 16 KiB/);
    expectError(new Uint8Array(maxInputBytes + 1).fill(0x30), /limit is 16 KiB/);
  });

  it('refuses trailing data after the DER and data that is not DER', () => {
    const trailing = Buffer.concat([certificateDer, Buffer.from([0, 0, 0])]);
    expectError(trailing, 'The data is not valid DER: 3 bytes of trailing data follow the DER value');
    expectError(trailing.toString('base64'), /trailing data/);
    expectError(certificateDer.subarray(0, 100), /not valid DER/);
  });

  it('reads valid DER that is neither certificate nor CSR as unknown', () => {
    const spki = Buffer.from(
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFRQmEx8fgBwP7RD3ftn07reGGYbkhmunBVEoa5EA8tjFTCXqkk8gCmZ2xU3qS7cyNqpT1j655UIqSZPXC5trIQ==',
      'base64',
    );
    expect(readPemOrDer(spki)).toMatchObject({ ok: true, kind: 'unknown' });
  });
});

describe('derToPem, pemToBase64Der and sha256Hex', () => {
  it('round-trips PEM and DER', () => {
    const pem = derToPem(certificateDer, 'CERTIFICATE');
    expect(pem).toBe(certificatePem);
    expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(pemToBase64Der(pem)).toBe(certificateBase64);
  });

  it('gives the bare base64 the TSB import wants, or null', () => {
    const tsbResult = (
      JSON.parse(readFileSync('mocks/fixtures/seed-request-status.json', 'utf8')) as { result: string }
    ).result;
    expect(pemToBase64Der(tsbResult)).toBe(certificateBase64);
    expect(pemToBase64Der(tsbResult)).not.toMatch(/\s|-/);
    expect(pemToBase64Der('garbage')).toBeNull();
  });

  it('hashes with SHA-256 to lower-case hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(certificateDer)).toBe(createHash('sha256').update(certificateDer).digest('hex'));
  });
});
