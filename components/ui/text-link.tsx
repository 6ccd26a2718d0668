import Link from 'next/link';
import type { ComponentProps } from 'react';
import { cn } from './cn';
import { focusRing } from './focus';

/** A link within text or a table cell: brand colour, underlined on hover, a focus ring for the keyboard. */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={cn('rounded text-brand underline-offset-4 hover:underline', focusRing, className)}
      {...props}
    />
  );
}
