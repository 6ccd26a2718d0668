'use client';

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusRing } from '@/components/ui/focus';

export type TabView = {
  value: string;
  label: string;
  content: ReactNode;
  /** Kept in the page (hidden) while another tab is open; other panels mount when opened. */
  keepMounted?: boolean;
};

// The look of components/ui/tabs, as fixed class strings: no class merging is needed here.
const listClasses = 'inline-flex flex-wrap items-center gap-1 rounded-md bg-slate-100 p-1 text-slate-600';
const tabClasses = `rounded px-3 py-1.5 text-sm font-medium data-[state=active]:bg-white data-[state=active]:text-slate-900 data-[state=active]:shadow-sm ${focusRing}`;
const panelClasses = `mt-3 ${focusRing}`;

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * Tabs after the WAI-ARIA pattern with automatic activation: one tab stop, arrow keys (wrapping), Home and
 * End move and select, Tab enters the panel. Only the open panel is in the page, and those marked
 * `keepMounted` (hidden while inactive). A few hundred bytes of script, where a tabs library would add
 * several kilobytes to pages rendered on the server.
 */
export function TabSet({ label, views }: { label: string; views: TabView[] }) {
  const id = useId();
  const [selected, setSelected] = useState(views[0]?.value);
  const tabs = useRef(new Map<string, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next =
      views[
        move(
          views.findIndex((view) => view.value === selected),
          views.length,
        )
      ];
    if (!next) return;
    setSelected(next.value);
    tabs.current.get(next.value)?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label={label} className={listClasses} onKeyDown={onKeyDown}>
        {views.map(({ value, label: text }) => (
          <button
            key={value}
            ref={(element) => {
              if (element) tabs.current.set(value, element);
              else tabs.current.delete(value);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${value}`}
            aria-controls={`${id}-panel-${value}`}
            aria-selected={value === selected}
            tabIndex={value === selected ? 0 : -1}
            data-state={value === selected ? 'active' : 'inactive'}
            className={tabClasses}
            onClick={() => setSelected(value)}
          >
            {text}
          </button>
        ))}
      </div>
      {views.map(({ value, content, keepMounted }) =>
        value !== selected && !keepMounted ? null : (
          <div
            key={value}
            role="tabpanel"
            id={`${id}-panel-${value}`}
            aria-labelledby={`${id}-tab-${value}`}
            tabIndex={0}
            hidden={value !== selected}
            className={panelClasses}
          >
            {content}
          </div>
        ),
      )}
    </div>
  );
}
