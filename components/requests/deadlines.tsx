import type { RequestView } from '@/lib/api/dto';
import { Countdown } from './countdown';

/** The timelock and timeout of a waiting request, counting down; nothing when its policy has neither. */
export function Deadlines({ request }: { request: Pick<RequestView, 'timelockEndsAt' | 'expiresAt'> }) {
  if (!request.timelockEndsAt && !request.expiresAt) return null;
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm font-medium">
      {request.timelockEndsAt ? (
        <li>
          <Countdown label="Timelock ends" at={request.timelockEndsAt} passed="Timelock over" />
        </li>
      ) : null}
      {request.expiresAt ? (
        <li>
          <Countdown label="Expires" at={request.expiresAt} passed="Timeout reached" />
        </li>
      ) : null}
    </ul>
  );
}
