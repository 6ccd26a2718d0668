import { delay, http } from 'msw';
import { expect, it } from 'vitest';
import { toApiError } from '@/lib/api/errors';
import { startSimulator } from '@/lib/testing/tsb';
import { listKeys, TsbError } from '.';

const tsb = startSimulator({ TSB_TIMEOUT_MS: '300' });

it('gives up on a TSB that never answers after TSB_TIMEOUT_MS and says so as a 504', async () => {
  tsb.server.use(
    http.get('*/v1/key', async () => {
      await delay('infinite');
    }),
  );
  const error = await listKeys().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TsbError);
  expect(error).toMatchObject({ kind: 'timeout' });
  expect(toApiError(error)).toMatchObject({ status: 504, code: 'tsb_timeout' });
});
