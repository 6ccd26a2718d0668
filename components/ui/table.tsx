import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from './cn';

const tableVariants = cva('w-full text-left text-sm', {
  variants: {
    variant: {
      // A bordered box with a shaded header, for a list that stands on the page by itself.
      boxed: '',
      // Flush with the card or page holding it: no shading, no side padding, a rule under every row.
      plain:
        '[&_thead]:bg-transparent [&_thead]:text-sm [&_thead]:normal-case [&_tbody>tr]:border-b [&_tbody>tr]:border-slate-100 [&_tbody>tr]:align-top [&_td]:px-0 [&_th]:px-0',
    },
  },
  defaultVariants: { variant: 'boxed' },
});

/** Screen readers need the table's name: a caption read out with it, or an aria-label. */
type TableName =
  { caption: string; 'aria-label'?: undefined } | { caption?: undefined; 'aria-label': string };

type TableProps = Omit<ComponentProps<'table'>, 'aria-label'> &
  VariantProps<typeof tableVariants> &
  TableName;

export function Table({ caption, variant, className, children, ...props }: TableProps) {
  const table = (
    <table className={cn(tableVariants({ variant }), className)} {...props}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      {children}
    </table>
  );
  if (variant === 'plain') return table;
  // The box scrolls sideways so a wide table does not widen the page.
  return <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">{table}</div>;
}

export function TableHead({ className, ...props }: ComponentProps<'thead'>) {
  return (
    <thead
      className={cn('border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-600', className)}
      {...props}
    />
  );
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-slate-100', className)} {...props} />;
}

/** A column header. */
export function Th({ className, ...props }: ComponentProps<'th'>) {
  return <th scope="col" className={cn('px-4 py-2', className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-2', className)} {...props} />;
}
