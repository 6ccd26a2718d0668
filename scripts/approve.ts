import { parseArgs } from 'node:util';
import { demoApproverProfiles, isDemoApproverId } from '@/mocks/tsb/approver-profiles';

// Approves or rejects a request as a demo approver of the running simulator:
//   npm run approve -- <requestId> --as <alice|bruno|chloe|david> [--reject] [--url http://127.0.0.1:8790]
// The approvers' private keys live in the simulator process, so this asks its Authorization App
// (/approver/act.json) to sign; nothing here holds a key.

const usage = `usage: npm run approve -- <requestId> --as <${demoApproverProfiles.map((p) => p.id).join('|')}> [--reject] [--url http://127.0.0.1:8790]`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        reject: { type: 'boolean', default: false },
        url: { type: 'string', default: `http://127.0.0.1:${process.env.TSB_SIMULATOR_PORT || 8790}` },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}

const { values, positionals } = readArgs();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const [requestId, ...extra] = positionals;
if (!requestId || extra.length > 0) fail(usage);
if (!values.as || !isDemoApproverId(values.as))
  fail(`--as must be one of ${demoApproverProfiles.map((p) => p.id).join(', ')}\n${usage}`);

const action = values.reject ? 'reject' : 'approve';
const endpoint = new URL('/approver/act.json', values.url);
let response: Response;
try {
  response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ approver: values.as, requestId, action }),
    signal: AbortSignal.timeout(15_000),
  });
} catch (error) {
  fail(
    `Could not reach the TSB simulator at ${values.url} (${(error as Error).message}). Is \`npm run simulator\` running?`,
  );
}
const reply = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
if (!response.ok)
  fail(
    `Could not ${action} request ${requestId} as ${values.as}: ${reply.error ?? `HTTP ${response.status}`}`,
  );
console.log(reply.message ?? `${values.as}: ${action} sent for request ${requestId}`);
