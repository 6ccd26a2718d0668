import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './control';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(controlClasses, 'h-10', className)} {...props} />;
}
