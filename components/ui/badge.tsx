import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from './cn';

export const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide',
  {
    variants: {
      tone: {
        neutral: 'border-slate-300 bg-slate-100 text-slate-700',
        info: 'border-blue-200 bg-blue-50 text-blue-800',
        ok: 'border-green-200 bg-green-50 text-ok',
        warn: 'border-amber-200 bg-amber-50 text-warn',
        danger: 'border-red-200 bg-red-50 text-danger',
      },
    },
    defaultVariants: { tone: 'neutral' },
  },
);

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;

export function Badge({
  className,
  tone,
  ...props
}: ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
