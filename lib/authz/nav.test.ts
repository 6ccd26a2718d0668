import { describe, expect, it } from 'vitest';
import { navEntries, navLinksFor, pageLinkEntries, pageLinksFor } from './nav';
import { pageMatrix } from './page-matrix';
import { actors } from './test-support';

// The main navigation offers exactly the pages each role may open (SECURITY.md row 1, as people see it).

const hrefs = (actor: (typeof actors)[keyof typeof actors]) => navLinksFor(actor).map((l) => l.href);

describe('the dashboard navigation', () => {
  it('links each page with the permission that page declares', () => {
    for (const entry of navEntries) {
      expect(pageMatrix[entry.href.slice(1)]?.permission, entry.href).toBe(entry.permission);
    }
  });

  it('shows each role exactly the linked pages the page matrix opens to it', () => {
    for (const role of ['operator', 'officer', 'auditor', 'admin'] as const) {
      const open = navEntries
        .filter((e) => pageMatrix[e.href.slice(1)]?.[role] === 'shown')
        .map((e) => e.href);
      expect(hrefs(actors[role]), role).toEqual(open);
    }
  });

  it('gives operators no inventory and overseers no submission form', () => {
    expect(hrefs(actors.operator)).toEqual(['/', '/requests/new', '/requests', '/approvals', '/decode']);
    expect(hrefs(actors.officer)).toEqual(['/', '/requests', '/approvals', '/certificates', '/decode']);
    expect(hrefs(actors.auditor)).toEqual([
      '/',
      '/requests',
      '/approvals',
      '/certificates',
      '/decode',
      '/audit',
      '/admin',
    ]);
    expect(hrefs(actors.admin)).toEqual([
      '/',
      '/requests',
      '/approvals',
      '/certificates',
      '/decode',
      '/audit',
      '/admin',
    ]);
  });
});

describe('links between pages', () => {
  it('name the permission the page they open declares', () => {
    for (const entry of Object.values(pageLinkEntries)) {
      expect(pageMatrix[entry.href.slice(1)]?.permission, entry.href).toBe(entry.permission);
    }
  });

  it('are shown to each role exactly when the page matrix opens their page to it', () => {
    for (const role of ['operator', 'officer', 'auditor', 'admin'] as const) {
      const links = pageLinksFor(actors[role]);
      for (const [name, entry] of Object.entries(pageLinkEntries)) {
        expect(links[name as keyof typeof links], `${role} ${name}`).toBe(
          pageMatrix[entry.href.slice(1)]?.[role] === 'shown',
        );
      }
    }
  });

  it('offer operators the submission form, overseers the reconciliation view, auditors the audit trail', () => {
    expect(pageLinksFor(actors.operator)).toEqual({
      newRequest: true,
      reconciliation: false,
      auditTrail: false,
    });
    expect(pageLinksFor(actors.officer)).toEqual({
      newRequest: false,
      reconciliation: true,
      auditTrail: false,
    });
    expect(pageLinksFor(actors.auditor)).toEqual({
      newRequest: false,
      reconciliation: true,
      auditTrail: true,
    });
    expect(pageLinksFor(actors.admin)).toEqual({ newRequest: false, reconciliation: true, auditTrail: true });
  });
});
