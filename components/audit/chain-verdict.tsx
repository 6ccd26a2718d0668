import { Alert } from '@/components/ui/alert';
import type { ChainVerdict } from '@/lib/audit/dto';

function Head({ head }: { head: ChainVerdict['head'] }) {
  if (!head) return <>The log is empty.</>;
  return (
    <>
      Head <span className="font-mono">#{head.seq}</span>{' '}
      <span className="font-mono break-all">{head.hash}</span>. Compare it with the copy kept off this
      server.
    </>
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
    <Alert tone="danger" title={`The audit chain is broken: ${verdict.problems.length} problem${verdict.problems.length === 1 ? '' : 's'} in ${records}.`}>
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
