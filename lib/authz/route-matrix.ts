// The authorization matrix (SECURITY.md row 1): every route under app/api × every caller × every exported
// method, with the answer expected. The spec (route-matrix.test.ts) finds the routes on disk and fails
// when one is missing here, so a new route cannot ship without a decision.
//
// Callers: anonymous, and one signed-in person per role. On routes with a request id in the path,
// `operator` acts on a request of their own and `otherOperator` on someone else's; everyone else acts on
// that other person's request. A disabled user or an expired session reaches handlers as anonymous
// (the sign-in module answers null for them), so the anonymous column covers both.

export type Expected = '2xx' | 401 | 403 | 404;
export type Caller = 'anonymous' | 'operator' | 'otherOperator' | 'officer' | 'auditor' | 'admin';
export type Cells = Record<Exclude<Caller, 'otherOperator'>, Expected> & { otherOperator?: Expected };

const readByAll: Cells = { anonymous: 401, operator: '2xx', officer: '2xx', auditor: '2xx', admin: '2xx' };
const overseersOnly: Cells = { anonymous: 401, operator: 403, officer: '2xx', auditor: '2xx', admin: '2xx' };
const auditReaders: Cells = { anonymous: 401, operator: 403, officer: 403, auditor: '2xx', admin: '2xx' };
const ownRequestReadByAll: Cells = { ...readByAll, otherOperator: 404 };

/** Route files (path under app/api, without /route.ts) → method → expected answer per caller. */
export const routeMatrix: Record<string, Partial<Record<string, Cells>>> = {
  requests: {
    GET: readByAll,
    POST: { anonymous: 401, operator: '2xx', officer: 403, auditor: 403, admin: 403 },
  },
  'requests/[id]': { GET: ownRequestReadByAll },
  'requests/[id]/certificate': { GET: ownRequestReadByAll },
  'requests/[id]/cancel': {
    POST: { anonymous: 401, operator: '2xx', otherOperator: 404, officer: '2xx', auditor: 403, admin: 403 },
  },
  'requests/[id]/import': {
    POST: { anonymous: 401, operator: '2xx', otherOperator: 404, officer: 403, auditor: 403, admin: 403 },
  },
  events: { GET: readByAll },
  keys: { GET: readByAll },
  'keys/[label]/certificate': { GET: readByAll },
  certificates: { GET: overseersOnly },
  'certificates/[id]': { GET: overseersOnly },
  'certificates/[id]/download': { GET: overseersOnly },
  'certificates/export': { GET: overseersOnly },
  reconciliation: { GET: overseersOnly },
  tracker: { GET: overseersOnly },
  audit: { GET: auditReaders },
  'audit/export': { GET: auditReaders },
  // Verifying writes an 'audit.verify' record and changes nothing else, so auditors may.
  'audit/verify': { POST: auditReaders },
};

/**
 * Routes the matrix does not cover, each with the reason. Sign-in's own endpoints (app/api/auth, owned by
 * the accounts module) are public by design and authenticate the caller themselves.
 */
export const exemptRoutes: { prefix: string; reason: string }[] = [
  { prefix: 'auth/', reason: 'sign-in endpoints: reachable before sign-in, tested with the accounts module' },
];

export const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Values of x-middleware-subrequest that skipped middleware in vulnerable Next.js versions (CVE-2025-29927). */
export const subrequestHeaderValues = [
  'middleware',
  'src/middleware',
  'pages/_middleware',
  'proxy',
  'src/proxy',
].flatMap((value) => [value, Array(5).fill(value).join(':')]);
