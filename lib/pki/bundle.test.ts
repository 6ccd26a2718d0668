import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { X509Certificates } from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { toChainPem, toPkcs7 } from './bundle';

const fixture = (name: string) =>
  readFileSync(new URL(`../../mocks/fixtures/${name}`, import.meta.url), 'utf8');
const leaf = fixture('demo-tls-server.pem');
const root = fixture('demo-root-ca.pem');

describe('toPkcs7', () => {
  it('holds the certificates in order, as a certs-only SignedData', () => {
    const p7 = toPkcs7([leaf, root]);
    expect(p7[0]).toBe(0x30);
    const read = new X509Certificates(p7.buffer);
    expect(read.map((c) => c.toString('pem').trim())).toEqual([leaf.trim(), root.trim()]);
  });

  it('is read by openssl pkcs7', () => {
    let printed: string;
    try {
      printed = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-print_certs', '-noout'], {
        input: toPkcs7([leaf, root]),
      }).toString();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    expect(printed.match(/^subject=/gm)).toHaveLength(2);
  });

  it('refuses what is not a certificate', () => {
    expect(() => toPkcs7([fixture('demo-csr-ec-p256.pem')])).toThrow(/not a certificate/);
    expect(() => toPkcs7(['nonsense'])).toThrow(/Certificate 1/);
  });
});

describe('toChainPem', () => {
  it('joins the certificates leaf first, one PEM block each', () => {
    const chain = toChainPem([leaf, root]);
    expect(chain.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(chain.startsWith(leaf.trim())).toBe(true);
    expect(chain.endsWith(`${root.trim()}\n`)).toBe(true);
  });
});
