import type { TaskCard } from './approver-cards';

// The simulated Authorization App's page: plain HTML forms, no script, one section per approver.

export interface ApproverColumn {
  id: string;
  name: string;
  algorithm: string;
  /** The approver's open tasks, or why they could not be listed. */
  cards: TaskCard[] | { error: string };
}

export interface Flash {
  kind: 'status' | 'alert';
  text: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const style = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; background: #f4f6f8; }
  body { margin: 0; }
  header, main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
  header { border-bottom: 1px solid #d9e2ec; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h1 small { font-size: .8rem; font-weight: 600; color: #7b4b00; background: #fff3c4; border-radius: .25rem; padding: .1rem .4rem; vertical-align: middle; }
  nav a { margin-right: 1rem; color: #0b4f8a; }
  nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
  .flash { padding: .75rem 1rem; border-radius: .375rem; margin: 1rem 0; }
  .flash.status { background: #e3f9e5; border: 1px solid #31a24c; }
  .flash.alert { background: #ffe3e3; border: 1px solid #cf1124; }
  section { background: #fff; border: 1px solid #d9e2ec; border-radius: .5rem; padding: 1rem 1.25rem; margin: 1rem 0; }
  section h2 { margin: 0; font-size: 1.2rem; }
  .hint { color: #52606d; margin: .25rem 0 .75rem; font-size: .9rem; }
  article { border: 1px solid #bcccdc; border-radius: .375rem; padding: .75rem 1rem; margin: .75rem 0; }
  article h3 { margin: 0 0 .5rem; font-size: 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 .75rem; }
  dt { font-weight: 600; color: #334e68; }
  dd { margin: 0; overflow-wrap: anywhere; }
  pre { margin: 0; white-space: pre-wrap; font-size: .85rem; background: #f0f4f8; padding: .5rem; border-radius: .25rem; }
  code { font-size: .9em; }
  form { display: flex; gap: .5rem; }
  button { font: inherit; font-weight: 600; padding: .45rem 1.1rem; border-radius: .375rem; cursor: pointer; border: 2px solid transparent; }
  button[value="approve"] { background: #18794e; color: #fff; }
  button[value="reject"] { background: #fff; color: #b42318; border-color: #b42318; }
  button:focus-visible, a:focus-visible { outline: 3px solid #2680c2; outline-offset: 2px; }
`;

function row(term: string, value: string | null): string {
  return value === null ? '' : `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`;
}

function renderCard(approverId: string, view: string, card: TaskCard): string {
  const list = (values: string[]) => escapeHtml(values.length ? values.join(', ') : 'none requested');
  return `<article aria-label="Request ${escapeHtml(card.requestId)}">
  <h3>${escapeHtml(card.title)}: <code>${escapeHtml(card.commonName)}</code></h3>
  <dl>
    ${row('Request', `<code>${escapeHtml(card.requestId)}</code>`)}
    ${row('Key', `<code>${escapeHtml(card.keyLabel)}</code>`)}
    ${row('Common name', escapeHtml(card.commonName))}
    ${row('Reason', card.reason === null ? '<em>none given</em>' : escapeHtml(card.reason))}
    ${row('CSR subject', card.csr && escapeHtml(card.csr.subject))}
    ${row('CSR public key', card.csr && escapeHtml(card.csr.publicKey))}
    ${row('Signature algorithm', escapeHtml(card.signatureAlgorithm))}
    ${row('Certificate authority', card.certificateAuthority ? 'yes (CA:TRUE)' : 'no')}
    ${row('Key usage', list(card.keyUsage))}
    ${row('Extended key usage', list(card.extendedKeyUsage))}
    ${row('Validity', card.validityDays === null ? null : `${card.validityDays} days`)}
    ${row('Other metadata', card.metaData && `<pre>${escapeHtml(card.metaData)}</pre>`)}
  </dl>
  <form method="post" action="/approver/act">
    <input type="hidden" name="approver" value="${escapeHtml(approverId)}">
    <input type="hidden" name="taskId" value="${escapeHtml(card.taskId)}">
    <input type="hidden" name="view" value="${escapeHtml(view)}">
    <button type="submit" name="action" value="approve">Approve</button>
    <button type="submit" name="action" value="reject">Reject</button>
  </form>
</article>`;
}

function renderColumn(column: ApproverColumn, view: string): string {
  const headingId = `approver-${escapeHtml(column.id)}`;
  const body =
    'error' in column.cards
      ? `<p class="flash alert" role="alert">${escapeHtml(column.cards.error)}</p>`
      : column.cards.length === 0
        ? '<p>No tasks waiting</p>'
        : column.cards.map((card) => renderCard(column.id, view, card)).join('\n');
  return `<section aria-labelledby="${headingId}">
  <h2 id="${headingId}">${escapeHtml(column.name)}</h2>
  <p class="hint">${escapeHtml(column.algorithm)} key, held by the simulator</p>
  ${body}
</section>`;
}

export function renderApproverPage(input: {
  columns: ApproverColumn[];
  approvers: readonly { id: string; name: string }[];
  view: string;
  flash: Flash | null;
}): string {
  const link = (href: string, label: string, current: boolean) =>
    `<a href="${href}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  const nav = [
    link('/approver', 'All approvers', input.view === ''),
    ...input.approvers.map((a) =>
      link(`/approver?approver=${encodeURIComponent(a.id)}`, a.name, input.view === a.id),
    ),
  ].join('\n');
  const flash = input.flash
    ? `<p class="flash ${input.flash.kind}" role="${input.flash.kind}">${escapeHtml(input.flash.text)}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authorization App (simulated)</title><style>${style}</style></head>
<body>
<header>
  <h1>Authorization App <small>simulated</small></h1>
  <p class="hint">Approve or reject certificate requests as the demo approvers. Each decision is signed with that approver's own key.</p>
  <nav aria-label="Approvers">${nav}</nav>
</header>
<main>
${flash}
${input.columns.map((column) => renderColumn(column, input.view)).join('\n')}
</main>
</body>
</html>`;
}
