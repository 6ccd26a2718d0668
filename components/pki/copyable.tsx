import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';

/** A value with a copy button beside it; `what` names the value for the button ("Copy subject"). */
export function Copyable({
  text,
  what,
  mono = false,
  children,
}: {
  text: string;
  what: string;
  mono?: boolean;
  children?: ReactNode;
}) {
  return (
    <span className="inline-flex max-w-full items-start gap-1">
      <span className={cn('min-w-0 break-words', mono && 'font-mono text-xs break-all')}>
        {children ?? text}
      </span>
      <CopyButton text={text} label={`Copy ${what}`} iconOnly />
    </span>
  );
}
