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

/** A verification: the chain intact with its head, or each problem found; then intents left open. */
export function VerificationView({ verification }: { verification: AuditVerification }) {
  return (
    <div className="flex flex-col gap-3">
      <ChainVerdictView verdict={verification} />
      <OpenIntents intents={verification.openIntents} />
    </div>
  );
}

/** The outcome of a chain verification: intact with its head, or each problem found. */
export function ChainVerdictView({ verdict }: { verdict: ChainVerdict }) {
  const records = `${verdict.count} record${verdict.count === 1 ? '' : 's'}`;
  if (verdict.ok) {
    return (
      <Alert tone="ok" title={`Audit chain OK: ${records} verified.`}>
        <Head head={verdict.head} />
      </Alert>
    );
  }
  return (
    <Alert
      tone="danger"
      title={`The audit chain is broken: ${verdict.problems.length} problem${verdict.problems.length === 1 ? '' : 's'} in ${records}.`}
    >
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
