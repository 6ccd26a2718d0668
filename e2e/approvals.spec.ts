import { expect, test, type Page } from './fixtures/auth';
import { submitViaApi, uniqueName } from './fixtures/api';
import { decide } from './fixtures/simulator';

// Officers watch and cancel; the requests come from an operator.
test.use({ role: 'officer' });

/** Marks the window; the mark survives anything but a reload or a navigation away. */
async function markWindow(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => Object.assign(window, { queueMark: true }));
  return () => page.evaluate(() => 'queueMark' in window);
}

test("an officer's queue follows approvals given in the Authorization App without a reload", async ({
  page,
  context,
  requestAs,
}) => {
  const commonName = `${uniqueName('queue')}.example`;
  const submitted = await submitViaApi(await requestAs('operator'), 'CA.approver.example', commonName);
  const tsbRequestId = submitted.tsbRequestId!;

  await page.goto('/approvals');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const card = page.getByRole('article', { name: `Request for ${commonName}` });
  await expect(card.getByText('0 of 2 approvals')).toBeVisible();
  await expect(card.getByLabel('Signing key', { exact: true })).toHaveText('CA.approver.example');
  await expect(card.getByLabel('Awaiting', { exact: true })).toHaveText(/Alice Keller/);
  await expect(card.getByText(/^Expires in /)).toBeVisible();
  const stillSamePage = await markWindow(page);

  const approverApp = await context.newPage();
  await decide(approverApp, 'Alice Keller', tsbRequestId, 'Approve');
  await expect(card.getByText('1 of 2 approvals')).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: 'Alice Keller' })).toContainText('Approved');
  await expect(card.getByLabel('Awaiting', { exact: true })).not.toContainText('Alice Keller');

  await decide(approverApp, 'Bruno Meier', tsbRequestId, 'Approve');
  await approverApp.close();
  await expect(card).toBeHidden();
  expect(await stillSamePage()).toBe(true);
});

test('the queue filters by search in the address bar, and a request is cancelled from it after confirming', async ({
  page,
  requestAs,
}) => {
  const prefix = uniqueName('queue-cancel');
  const kept = `${prefix}-kept.example`;
  const cancelled = `${prefix}-gone.example`;
  const operator = await requestAs('operator');
  await submitViaApi(operator, 'CA.approver.example', kept);
  await submitViaApi(operator, 'CA.approver.example', cancelled);

  await page.goto('/approvals');
  await page.getByLabel('Search', { exact: true }).fill(prefix);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
  await expect(page.getByText('2 requests waiting')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);

  const card = page.getByRole('article', { name: `Request for ${cancelled}` });
  await card.getByRole('button', { name: `Cancel the request for ${cancelled}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this request?' });
  await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toBeHidden();
  await expect(page.getByRole('article', { name: `Request for ${kept}` })).toBeVisible();
  await expect(page.getByText('1 request waiting')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue(prefix);
  await expect(page.getByRole('article')).toHaveCount(1);
});
