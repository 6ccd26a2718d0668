import { Alert } from '@/components/ui/alert';
import type { AuditVerification, ChainVerdict } from '@/lib/audit/dto';
import { formatUtc } from './audit-details';

function Head({ head }: { head: ChainVerdict['head'] }) {
  if (!head) return <>The log is empty.</>;
  return (
    <>
      Head <span className="font-mono">#{head.seq}</span>{' '}
      <span className="font-mono break-all">{head.hash}</span>. Compare it with the copy kept off this server.
    </>
  );
}

function OpenIntents({ intents }: { intents: AuditVerification['openIntents'] }) {
  if (intents.length === 0) return null;
  return (
    <Alert
      tone="warn"
      title={`${intents.length} action${intents.length === 1 ? ' was' : 's were'} logged as intended but never as done or failed.`}
    >
      <p>The process stopped, or the log could not be written, in between: check each on its own.</p>
      <ul className="list-disc pl-5">
        {intents.map((intent) => (
          <li key={intent.seq}>
            #{intent.seq} <span className="font-mono">{intent.action}</span> at {formatUtc(intent.at)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What became of the keyed records (AUDIT_HMAC_KEY); nothing for a plain log. */
function Keyed({ keyed }: { keyed: ChainVerdict['keyed'] }) {
  if (!keyed) return null;
  const records = `${plural(keyed.count, 'record')} keyed with HMAC-SHA-256, from #${keyed.from}`;
  if (keyed.check === 'checked') return <p>{records}, checked with the server’s key.</p>;
  if (keyed.check === 'no_key')
    return (
      <p>
        {records}, not checked: the server has no audit key (AUDIT_HMAC_KEY) now. Verify them with the key
        (npm run audit:verify -- --key-file FILE).
      </p>
    );
  return (
    <p>
      {records}, not checked: the server’s audit key matches none of them. It is not the key they were written
      with, or every one of them was replaced.
    </p>
  );
}

/** A verification: the chain intact with its head, or each problem found; then intents left open. */
export function VerificationView({ verification }: { verification: AuditVerification }) {
  return (
    <div className="flex flex-col gap-3">
      <ChainVerdictView verdict={verification} />
      <OpenIntents intents={verification.openIntents} />
    </div>
  );
}

/**
 * The outcome of a chain verification: intact with its head, keyed records that could not be checked, or
 * each problem found.
 */
export function ChainVerdictView({ verdict }: { verdict: ChainVerdict }) {
  const records = plural(verdict.count, 'record');
  if (verdict.ok) {
    return (
      <Alert tone="ok" title={`Audit chain OK: ${records} verified.`}>
        <Keyed keyed={verdict.keyed} />
        <p>
          <Head head={verdict.head} />
        </p>
      </Alert>
    );
  }
  if (verdict.problems.length === 0) {
    return (
      <Alert tone="warn" title={`The audit chain could not be fully verified: ${records}.`}>
        <Keyed keyed={verdict.keyed} />
        <p>Nothing else is wrong with the chain.</p>
        <p className="mt-2">
          <Head head={verdict.head} />
        </p>
      </Alert>
    );
  }
  return (
    <Alert
      tone="danger"
      title={`The audit chain is broken: ${plural(verdict.problems.length, 'problem')} in ${records}.`}
    >
      <Keyed keyed={verdict.keyed} />
      <ul className="list-disc pl-5">
        {verdict.problems.map((problem) => (
          <li key={`${problem.kind}-${problem.seq}`}>
            <span className="font-semibold">{problem.kind}</span> at #{problem.seq}: {problem.message}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Head head={verdict.head} />
      </p>
    </Alert>
  );
}
