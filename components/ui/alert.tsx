import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from './cn';

const alertVariants = cva('rounded-md border px-4 py-3 text-sm', {
  variants: {
    tone: {
      info: 'border-blue-200 bg-blue-50 text-blue-900',
      ok: 'border-green-200 bg-green-50 text-green-900',
      warn: 'border-amber-300 bg-amber-50 text-amber-900',
      danger: 'border-red-300 bg-red-50 text-red-900',
    },
  },
  defaultVariants: { tone: 'info' },
});

type AlertProps = ComponentProps<'div'> & VariantProps<typeof alertVariants> & { title?: string };

/**
 * A message block. Errors and warnings are announced (role="alert"); informational ones are a polite
 * status so screen readers do not interrupt the user for them.
 */
export function Alert({ className, tone, title, children, role, ...props }: AlertProps) {
  const urgent = tone === 'danger' || tone === 'warn';
  return (
    <div
      role={role ?? (urgent ? 'alert' : 'status')}
      className={cn(alertVariants({ tone }), className)}
      {...props}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={cn(title && 'mt-1')}>{children}</div> : null}
    </div>
  );
}

/** A warning listing several points, one item each: decoding notes, usage checks. */
export function WarningList({ title, warnings }: { title: string; warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert tone="warn" role="status" title={title}>
      <ul className="list-disc pl-5">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </Alert>
  );
}
