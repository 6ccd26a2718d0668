import { buttonVariants } from './button';
import { cn } from './cn';
import { CopyControl } from './copy-control';

/**
 * Copies `text` to the clipboard and says so in a live region. With `iconOnly` the button shows an icon
 * and `label` becomes its accessible name, so it can sit next to a value without adding to its text.
 * Renders on the server or in the browser; only CopyControl is a client component.
 */
export function CopyButton({
  text,
  label = 'Copy',
  iconOnly = false,
  className,
}: {
  text: string;
  label?: string;
  iconOnly?: boolean;
  className?: string;
}) {
  const classes = cn(
    buttonVariants({ variant: iconOnly ? 'ghost' : 'secondary', size: iconOnly ? 'icon' : 'sm' }),
    iconOnly && 'h-6 w-6 shrink-0 text-slate-500 hover:text-slate-900',
    className,
  );
  return (
    <CopyControl text={text} className={classes} ariaLabel={iconOnly ? label : undefined}>
      {iconOnly ? <CopyIcon /> : label}
    </CopyControl>
  );
}

function CopyIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" strokeWidth="1.5" />
      <path
        d="M10.5 3.5v-0.5a1.5 1.5 0 0 0-1.5-1.5H4a1.5 1.5 0 0 0-1.5 1.5V9a1.5 1.5 0 0 0 1.5 1.5h0.5"
        strokeWidth="1.5"
      />
    </svg>
  );
}
