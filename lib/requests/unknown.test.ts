import { delay, http } from 'msw';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { requestListQuerySchema } from '@/lib/api/dto';
import { startSimulator } from '@/lib/testing/tsb';
import { makeCsr } from '@/mocks/tsb/testing';
import { listRequests, submitRequest } from '.';

const tsb = startSimulator({ TSB_TIMEOUT_MS: '500' });

it('marks a submission whose answer never came as UNKNOWN instead of failed, and keeps it', async () => {
  tsb.server.use(
    http.post('*/v1/certificate/sign', async () => {
      await delay('infinite');
    }),
  );
  const { request } = await submitRequest(
    {
      csrPem: await makeCsr('lost.example'),
      signKeyName: 'CA.approver.example',
      signatureAlgorithm: 'SHA256_WITH_RSA',
      commonName: 'lost.example',
      certificateAuthority: false,
      keyUsage: [],
      extendedKeyUsage: [],
      reason: '',
    },
    randomUUID(),
  );
  expect(request).toMatchObject({ status: 'UNKNOWN', tsbRequestId: null, error: { code: 'timeout' } });
  expect((await listRequests(requestListQuerySchema.parse({}))).requests.map((r) => r.id)).toContain(
    request.id,
  );
});
