'use client';

import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button';
import { cn } from './cn';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `text` to the clipboard and says so in a live region. With `iconOnly` the button shows an icon
 * and `label` becomes its accessible name, so it can sit next to a value without adding to its text.
 */
export function CopyButton({
  text,
  label = 'Copy',
  iconOnly = false,
  className,
  ...props
}: { text: string; label?: string; iconOnly?: boolean } & Omit<ButtonProps, 'onClick'>) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access is denied on insecure origins and in some embedded browsers.
      setState('failed');
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant={iconOnly ? 'ghost' : 'secondary'}
        size={iconOnly ? 'icon' : 'sm'}
        onClick={copy}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        className={cn(iconOnly && 'h-6 w-6 shrink-0 text-slate-500 hover:text-slate-900', className)}
        {...props}
      >
        {iconOnly ? <CopyIcon /> : label}
      </Button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
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
