import { expect, test, type Page } from './fixtures/auth';

// What each role is offered and what it may open, as people see it: the main navigation follows the
// policy table, and a page the role may not open says so on the server (lib/authz/page.ts), whatever
// link led there.

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const main = (page: Page) => page.getByRole('main');
const noAccess = (page: Page) => page.getByRole('heading', { name: 'You don’t have access to this page' });

async function navLinks(page: Page): Promise<string[]> {
  await expect(nav(page).getByRole('link', { name: 'Overview' })).toBeVisible();
  const names = await nav(page).getByRole('link').allTextContents();
  return names.map((n) => n.trim()).filter((n) => !n.startsWith('Authorization App'));
}

// The dashboard streams its pages behind a loading state, so the answer has begun (200) when the page
// refuses; Next marks the refusal noindex. The data behind it is refused by the API with 403.
async function expectNoAccess(page: Page, path: string) {
  await page.goto(path);
  await expect(noAccess(page)).toBeVisible();
  await expect(page.locator('meta[name="robots"][content="noindex"]').first()).toBeAttached();
}

test.describe('as an operator', () => {
  test.use({ role: 'operator' });

  test('the nav offers submitting and own requests, no inventory; inventory pages refuse', async ({
    page,
  }) => {
    await page.goto('/');
    expect(await navLinks(page)).toEqual(['Overview', 'New request', 'Requests', 'Approvals', 'Decode']);
    for (const path of ['/certificates', '/requests/reconciliation', '/audit', '/admin'])
      await expectNoAccess(page, path);
    await page.goto('/requests/new');
    await expect(page.getByRole('form', { name: 'New certificate request' })).toBeVisible();
  });

  test('the overview and the request list offer New request and no Reconciliation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await expect(main(page).getByRole('link', { name: 'New request' }).first()).toBeVisible();
    await page.goto('/requests');
    await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
    await expect(main(page).getByRole('link', { name: 'Reconciliation' })).toHaveCount(0);
    await main(page).getByRole('link', { name: 'New request' }).first().click();
    await expect(page.getByRole('form', { name: 'New certificate request' })).toBeVisible();
  });
});

test.describe('as a security officer', () => {
  test.use({ role: 'officer' });

  test('the nav offers the inventory but no submission form, which refuses', async ({ page }) => {
    await page.goto('/');
    expect(await navLinks(page)).toEqual(['Overview', 'Requests', 'Approvals', 'Certificates', 'Decode']);
    await expectNoAccess(page, '/requests/new');
    await expect(page.getByRole('form', { name: 'New certificate request' })).toHaveCount(0);
    await page.goto('/requests/reconciliation');
    await expect(page.getByRole('heading', { name: 'Reconciliation' })).toBeVisible();
  });

  test('the overview and the request list offer Reconciliation and no New request', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await expect(
      main(page)
        .getByRole('heading', { name: 'Latest requests' })
        .or(main(page).getByText('No requests yet')),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'New request' })).toHaveCount(0);
    await page.goto('/requests');
    await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Requests' }).or(main(page).getByText('No requests yet')),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'New request' })).toHaveCount(0);
    await main(page).getByRole('link', { name: 'Reconciliation' }).click();
    await expect(page.getByRole('heading', { name: 'Reconciliation' })).toBeVisible();
  });
});

test.describe('as an auditor', () => {
  test.use({ role: 'auditor' });

  test('the nav has no New request; the users page is read-only', async ({ page }) => {
    await page.goto('/');
    expect(await navLinks(page)).toEqual([
      'Overview',
      'Requests',
      'Approvals',
      'Certificates',
      'Decode',
      'Audit',
      'Users',
    ]);
    await expectNoAccess(page, '/requests/new');

    await nav(page).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('table', { name: 'Users' })).toContainText('admin@demo.certdesk');
    await expect(page.getByRole('region', { name: 'Invite a user' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Change role|Disable|Invite/ })).toHaveCount(0);
  });
});

test.describe('as an administrator', () => {
  test.use({ role: 'admin' });

  test('the nav offers users and the audit log; the users page has its forms', async ({ page }) => {
    await page.goto('/');
    expect(await navLinks(page)).toEqual([
      'Overview',
      'Requests',
      'Approvals',
      'Certificates',
      'Decode',
      'Audit',
      'Users',
    ]);
    await page.goto('/admin');
    await expect(page.getByRole('region', { name: 'Invite a user' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Personal API tokens' })).toBeVisible();
    await expectNoAccess(page, '/requests/new');
  });
});
