import { expect, test } from './fixtures/auth';
import { makeCsr, pemToDer } from './fixtures/csr';

test('a DER file is decoded in the browser without calling the server', async ({ page }) => {
  // The live-status stream every page keeps open carries nothing from the page; anything else would.
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    const liveStream = pathname === '/api/events' && request.method() === 'GET';
    if (pathname.startsWith('/api/') && !liveStream) apiCalls.push(`${request.method()} ${request.url()}`);
    if (request.postData()) apiCalls.push(`${request.method()} ${request.url()} with a body`);
  });
  await page.goto('/decode');
  await expect(page.getByText('Nothing to decode yet')).toBeVisible();

  await page.getByLabel('Certificate or CSR file').setInputFiles({
    name: 'request.der',
    mimeType: 'application/octet-stream',
    buffer: pemToDer(await makeCsr('decoded.example')),
  });

  await expect(page.getByLabel('Certificate or CSR (PEM)', { exact: true })).toHaveValue(
    /^-----BEGIN CERTIFICATE REQUEST-----/,
  );
  const result = page.getByRole('region', { name: 'Certificate signing request' });
  await expect(result.getByLabel('Subject', { exact: true })).toHaveText('CN = decoded.example');
  await expect(result.getByLabel('Public key', { exact: true })).toHaveText(/EC P-256/);
  await expect(result.getByText('valid', { exact: true })).toBeVisible();
  await expect(result.getByText('DNS: decoded.example')).toBeVisible();

  await result.getByRole('tab', { name: 'PEM' }).click();
  await expect(result.getByRole('button', { name: 'Copy PEM' })).toBeVisible();
  expect(apiCalls).toEqual([]);
});
