import { HttpResponse, type HttpHandler } from 'msw';
import { toBase64 } from '@/lib/pki/bytes';
import { createCsr, parseCertificateBase64 } from '../csr';
import { TsbError } from '../errors';
import {
  perform,
  requireNoUseRule,
  selfSignOperation,
  signCertificateOperation,
  signingKey,
} from '../issuance';
import { findKey } from '../keys';
import { createRequest } from '../lifecycle';
import {
  asyncSelfSignSchema,
  asyncSignSchema,
  certificateRequestSchema,
  importPlainSchema,
  syncSelfSignSchema,
  syncSignSchema,
} from '../schemas';
import type { KeyRecord, Operation, RequestRecord, Simulator } from '../state';
import { endpoint, readBody } from './route';

// Certificate endpoints (tsb-api.md §3). Synchronous ones act at once on keys without a use rule;
// asynchronous ones create a request that follows the key's SKA policy.

/** Creates the asynchronous request; 201 {signRequestId}. A key with no use rule executes it at once. */
async function submit(
  sim: Simulator,
  { key, operation }: { key: KeyRecord; operation: Operation },
  fields: { metaData?: string | null; metaDataSignature?: string | null },
  body: unknown,
  bodyField: RequestRecord['bodyField'],
) {
  const metaData = fields.metaData ?? null;
  const metaDataSignature = fields.metaDataSignature ?? null;
  const created = await createRequest(sim, {
    keyLabel: key.label,
    operation,
    metaData,
    metaDataSignature,
    body,
    bodyField,
  });
  return HttpResponse.json({ signRequestId: created.id }, { status: 201 });
}

export function certificateHandlers(sim: Simulator): HttpHandler[] {
  return [
    endpoint(sim, 'post', '/v1/certificate/synchronous/sign', async (request) => {
      const fields = await readBody(request, syncSignSchema);
      requireNoUseRule(findKey(sim, fields.signKeyName));
      const { key, operation } = await signCertificateOperation(sim, fields);
      const certificate = await perform(key, operation, sim.now());
      return HttpResponse.json({ label: key.label, certificate: certificate.toString('pem') });
    }),

    endpoint(sim, 'post', '/v1/certificate/sign', async (request) => {
      const body = await readBody(request, asyncSignSchema);
      const { signCertificateRequest: fields } = body;
      const prepared = await signCertificateOperation(sim, fields);
      return submit(sim, prepared, fields, body, 'signedSignCertificateRequest');
    }),

    endpoint(sim, 'post', '/v1/certificate/synchronous/selfsign', async (request) => {
      const fields = await readBody(request, syncSelfSignSchema);
      requireNoUseRule(findKey(sim, fields.signKeyName));
      const { key, operation } = await selfSignOperation(sim, fields);
      const certificate = await perform(key, operation, sim.now());
      return HttpResponse.json({ label: key.label, certificate: certificate.toString('pem') });
    }),

    endpoint(sim, 'post', '/v1/certificate/selfsign', async (request) => {
      const body = await readBody(request, asyncSelfSignSchema);
      const { selfSignCertificateRequest: fields } = body;
      const prepared = await selfSignOperation(sim, fields);
      return submit(sim, prepared, fields, body, 'signedSelfSignCertificateRequestDto');
    }),

    endpoint(sim, 'post', '/v1/certificate/synchronous/request', async (request) => {
      const fields = await readBody(request, certificateRequestSchema);
      requireNoUseRule(findKey(sim, fields.signKeyName));
      const key = await signingKey(sim, fields.signKeyName, fields.signatureAlgorithm);
      const certificateSigningRequest = await createCsr(key.material, fields);
      // Like the TSB (≥ 1.16.1), making a CSR attaches a self-signed certificate to the key.
      const { keyUsage, extendedKeyUsage, signatureAlgorithm, validity } = fields;
      const profile = {
        commonName: fields.standardCertificateAttributes.commonName,
        certificateAuthority: false,
        keyUsage,
        extendedKeyUsage,
        signatureAlgorithm,
      };
      await perform(key, { type: 'selfSign', profile, validityDays: validity }, sim.now());
      return HttpResponse.json({ label: key.label, certificateSigningRequest });
    }),

    endpoint(sim, 'post', '/v1/certificate/import/plain', async (request) => {
      const { label, certificate } = await readBody(request, importPlainSchema);
      const key = findKey(sim, label);
      const parsed = parseCertificateBase64(certificate);
      if (toBase64(new Uint8Array(parsed.publicKey.rawData)) !== key.material.spki) {
        throw new TsbError(
          'invalidCertificate',
          `the certificate's public key is not the public key of ${label}`,
        );
      }
      key.certificate = parsed;
      return HttpResponse.json({ label, certificate: toBase64(new Uint8Array(parsed.rawData)) });
    }),

    endpoint(sim, 'get', '/v1/certificate/:label', (_request, { label = '' }) => {
      const key = findKey(sim, label);
      if (!key.certificate) throw new TsbError('invalidCertificate', `key ${label} has no certificate`, 404);
      return HttpResponse.json({ label, certificate: toBase64(new Uint8Array(key.certificate.rawData)) });
    }),
  ];
}
