import { expect, test } from './fixtures/auth';

// Whether the tracker keeps up is shown beside reconciliation, to the people who watch requests.
test.use({ role: 'officer' });

test('the reconciliation page says whether the tracker keeps up and how stale its oldest read is', async ({
  page,
}) => {
  await page.goto('/requests/reconciliation');
  const line = page.getByText(/^Tracker: (keeping up|behind|not running)/);
  await expect(line).toHaveText(
    /^Tracker: keeping up · \d+ open requests followed · stalest read .+ ago · longest gap .+ · [\d,]+ reads, [\d,]+ deferred · budget \d+ reads\/s$/,
  );
});
