import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './control';

/** The native select: keyboard, screen-reader and mobile behaviour come for free. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(controlClasses, 'h-10 pr-8', className)} {...props} />;
}
