'use client';

import { useEffect, useState } from 'react';
import type { CertificateView } from '@/lib/pki';
import { inspectCertificate, type Inspected } from './inspect';
import type { Decoding } from './use-decoded';

/**
 * The inspection of `pem`, linted against `issuerPem` once that is known. When only the issuer changes the
 * previous result stays on screen until the new one is ready, so a late CA certificate does not flash a
 * skeleton.
 */
export function useCertificateInspection(
  pem: string,
  issuerPem: string | null,
): Decoding<Inspected<CertificateView>> {
  const [latest, setLatest] = useState<{ pem: string; result: Inspected<CertificateView> } | null>(null);
  const empty = pem.trim() === '';

  useEffect(() => {
    if (empty) return;
    let current = true;
    void inspectCertificate(pem, issuerPem).then((result) => {
      if (current) setLatest({ pem, result });
    });
    return () => {
      current = false;
    };
  }, [pem, issuerPem, empty]);

  if (empty) return { state: 'empty' };
  if (latest?.pem !== pem) return { state: 'decoding' };
  return { state: 'done', result: latest.result };
}
