import { describe, expect, it } from 'vitest';
import { tsb, serveTsbSimulator } from './test-server';
import { makeCsr, signCertificateBody, TSB_TEST_BASE_URL } from './testing';

// The simulated Authorization App: one section per approver, one article per task, Approve/Reject forms
// that run the signed protocol inside the simulator.

serveTsbSimulator();

async function submit(keyLabel = 'CA.approver.example', reason = 'Renew <b>web</b> & api') {
  const metaData = btoa(JSON.stringify({ reason, app: 'CertDesk', type: 'Certificate' }));
  const body = signCertificateBody(keyLabel, await makeCsr('web.example', { algorithm: 'RSA' }), {
    commonName: 'web.example',
    metaData,
  });
  return (await tsb<{ signRequestId: string }>('POST', '/v1/certificate/sign', body)).body.signRequestId;
}

const page = async (query = '') => (await fetch(`${TSB_TEST_BASE_URL}/approver${query}`)).text();

/** The article of one request inside one approver's section. */
function article(html: string, approverId: string, requestId: string): string | null {
  const section =
    new RegExp(`<section aria-labelledby="approver-${approverId}">([\\s\\S]*?)</section>`).exec(html)?.[1] ??
    '';
  return (
    new RegExp(`<article aria-label="Request ${requestId}">([\\s\\S]*?)</article>`).exec(section)?.[1] ?? null
  );
}

async function press(fields: Record<string, string>) {
  const response = await fetch(`${TSB_TEST_BASE_URL}/approver/act`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return response.headers.get('location') ?? '';
}

const taskIdIn = (html: string) => /name="taskId" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('approver page', () => {
  it('shows each approver with its waiting tasks, decoded, and an empty state otherwise', async () => {
    const id = await submit();
    const html = await page();
    for (const name of ['Alice Keller', 'Bruno Meier', 'Chloé Rossi', 'David Weber'])
      expect(html).toContain(`>${name}</h2>`);
    const card = article(html, 'alice', id);
    expect(card).toContain('<code>CA.approver.example</code>');
    expect(card).toContain('Renew &lt;b&gt;web&lt;/b&gt; &amp; api');
    expect(card).toContain('CN=web.example');
    expect(card).toContain('RSA 2048 bit');
    expect(card).toContain('&quot;app&quot;: &quot;CertDesk&quot;');
    expect(card).toMatch(/<button type="submit" name="action" value="approve">Approve<\/button>/);
    expect(card).toMatch(/<button type="submit" name="action" value="reject">Reject<\/button>/);
    expect(article(html, 'david', id)).toBeNull();
    expect(/<section aria-labelledby="approver-david">[\s\S]*?No tasks waiting/.test(html)).toBe(true);
  });

  it('filters by approver', async () => {
    const html = await page('?approver=bruno');
    expect(html).toContain('aria-labelledby="approver-bruno"');
    expect(html).not.toContain('aria-labelledby="approver-alice"');
  });

  it('approves through the form and reports it after the redirect', async () => {
    const id = await submit();
    for (const approver of ['alice', 'bruno']) {
      const card = article(await page(`?approver=${approver}`), approver, id) ?? '';
      const location = await press({ approver, taskId: taskIdIn(card), action: 'approve', view: approver });
      expect(location).toMatch(new RegExp(`^/approver\\?flash=[\\w-]+&approver=${approver}$`));
      const after = await page(location.replace('/approver', ''));
      expect(after).toContain('role="status"');
      expect(article(after, approver, id)).toBeNull();
    }
    const status = await tsb<{ status: string; approvedBy: string[] }>('GET', `/v1/request/${id}`);
    expect(status.body).toMatchObject({ status: 'EXECUTED' });
    expect(status.body.approvedBy).toHaveLength(2);
  });

  it('reports who approved, and refuses to act twice on the same task', async () => {
    const id = await submit();
    const taskId = taskIdIn(article(await page(), 'alice', id) ?? '');
    const done = await page(
      (await press({ approver: 'alice', taskId, action: 'approve' })).replace('/approver', ''),
    );
    expect(done).toContain(`Alice Keller approved request ${id}; it is now PENDING`);
    const again = await page(
      (await press({ approver: 'alice', taskId, action: 'approve' })).replace('/approver', ''),
    );
    expect(again).toMatch(/role="alert">Could not approve: Alice Keller has no open task/);
  });

  it('rejects through the JSON variant the approve script uses', async () => {
    const id = await submit();
    const act = (approver: string, action: string) =>
      tsb<Record<string, unknown>>(
        'POST',
        '/approver/act.json',
        { approver, requestId: id, action },
        { 'content-type': 'application/json' },
      );
    expect((await act('alice', 'reject')).body).toMatchObject({
      approver: 'alice',
      action: 'reject',
      requestId: id,
      status: 'PENDING',
    });
    expect((await act('chloe', 'reject')).body).toMatchObject({
      status: 'REJECTED',
      message: `Chloé Rossi rejected request ${id}; it is now REJECTED`,
    });
    expect(await act('bruno', 'approve')).toMatchObject({ status: 404 });
    expect(await act('mallory', 'approve')).toMatchObject({
      status: 400,
      body: { error: 'unknown approver mallory' },
    });
    expect((await act('alice', 'sign')).status).toBe(400);
  });
});
