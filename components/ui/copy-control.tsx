'use client';

import { useEffect, useState, type ReactNode } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The behaviour behind CopyButton: copies `text` and says so in a live region. Takes its classes ready-made,
 * so that where CopyButton is rendered on the server the browser gets this and not the styling helpers.
 */
export function CopyControl({
  text,
  className,
  ariaLabel,
  children,
}: {
  text: string;
  className: string;
  ariaLabel?: string;
  children: ReactNode;
}) {
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
      <button
        type="button"
        className={className}
        onClick={() => void copy()}
        aria-label={ariaLabel}
        title={ariaLabel}
      >
        {children}
      </button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}
