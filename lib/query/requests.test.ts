import { describe, expect, it } from 'vitest';
import type { SubmitRequest } from '@/lib/api/dto';
import { submitAttempt } from './requests';

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
