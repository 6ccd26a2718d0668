import { describe, expect, it } from 'vitest';
import { decodeOne, tlv } from './spec-support';

const u16 = (n: number) => n.toString(16).padStart(4, '0');
const sct = (hash: string, sig: string) => {
  const body = `00${'ab'.repeat(32)}${(1735689600123).toString(16).padStart(16, '0')}0000${hash}${sig}0002cafe`;
  return u16(body.length / 2) + body;
};
const list = (...scts: string[]) => {
  const body = scts.join('');
  return tlv('04', u16(body.length / 2) + body);
};

describe('signedCertificateTimestamps (1.3.6.1.4.1.11129.2.4.2, .5)', () => {
  it('reads each timestamp of the TLS-encoded list', () => {
    const { view, openssl } = decodeOne('1.3.6.1.4.1.11129.2.4.2', list(sct('04', '03')));
    expect(view.value).toEqual({
      kind: 'signedCertificateTimestamps',
      timestamps: [
        {
          version: 0,
          logId: Array(32).fill('AB').join(':'),
          timestamp: '2025-01-01T00:00:00.123Z',
          timestampMs: 1735689600123,
          extensions: '',
          hashAlgorithm: 4,
          signatureAlgorithm: 3,
          signatureName: 'ecdsa-with-SHA256',
          signature: 'CA:FE',
        },
      ],
    });
    expect(openssl).toContain('Timestamp : Jan  1 00:00:00.123 2025 GMT\n');
    expect(decodeOne('1.3.6.1.4.1.11129.2.4.5', list()).view).toMatchObject({
      name: 'CT Certificate SCTs',
      error: null,
    });
  });

  it('refuses a list whose length does not match', () => {
    const { view } = decodeOne('1.3.6.1.4.1.11129.2.4.2', tlv('04', '0005' + sct('04', '03')));
    expect(view.error).toBe('the SCT list length does not match');
  });
});

describe('ctPoison (1.3.6.1.4.1.11129.2.4.3)', () => {
  it('is a NULL', () => {
    expect(decodeOne('1.3.6.1.4.1.11129.2.4.3', '0500', true).openssl).toBe(
      'CT Precertificate Poison: critical\n    NULL\n',
    );
  });
});
