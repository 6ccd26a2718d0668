'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { NodeLabel } from './node-label';
import { indexTree, initiallyExpanded, treeKey, visibleIds } from './tree-model';

type TreeProps = {
  root: Asn1Node;
  label: string;
  /** Called with the node that has focus, for a details pane. */
  onSelect: (node: Asn1Node) => void;
};

/**
 * An ASN.1 structure as a WAI-ARIA tree: one tab stop, arrows move and open or close nodes, Home/End jump,
 * Enter or Space toggles, * opens all siblings. Each row shows offset, tag, length and value or hex.
 */
export function Asn1TreeView({ root, label, onSelect }: TreeProps) {
  const entries = useMemo(() => indexTree(root), [root]);
  const [expanded, setExpanded] = useState(() => initiallyExpanded(root));
  const [focusId, setFocusId] = useState('0');
  const items = useRef(new Map<string, HTMLLIElement>());
  const visible = useMemo(() => visibleIds(root, expanded), [root, expanded]);

  function focus(id: string) {
    setFocusId(id);
    const entry = entries.get(id);
    if (entry) onSelect(entry.node);
    items.current.get(id)?.focus();
  }

  function toggle(id: string) {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const result = treeKey(event.key, focusId, entries, visible, expanded);
    if (!result) return;
    event.preventDefault();
    if (result.toggle) toggle(result.toggle);
    if (result.collapse) toggle(result.collapse);
    if (result.expand) setExpanded((open) => new Set([...open, ...(result.expand ?? [])]));
    if (result.focus) focus(result.focus);
  }

  function renderNode(node: Asn1Node, id: string, level: number, position: number, siblings: number) {
    const open = expanded.has(id);
    const parent = node.children.length > 0;
    return (
      <li
        key={id}
        ref={(element) => {
          if (element) items.current.set(id, element);
          else items.current.delete(id);
        }}
        role="treeitem"
        aria-level={level}
        aria-setsize={siblings}
        aria-posinset={position}
        aria-expanded={parent ? open : undefined}
        aria-selected={focusId === id}
        aria-labelledby={`asn1-${id}`}
        tabIndex={focusId === id ? 0 : -1}
        className="rounded outline-none focus-visible:[&>div]:ring-2 focus-visible:[&>div]:ring-brand"
        onClick={(event) => {
          event.stopPropagation();
          focus(id);
          if (parent) toggle(id);
        }}
      >
        <div
          className={cn(
            'flex cursor-default gap-2 rounded px-1 py-0.5',
            focusId === id && 'bg-brand-muted/50',
          )}
        >
          <span aria-hidden="true" className="w-3 text-slate-500">
            {parent ? (open ? '▾' : '▸') : ''}
          </span>
          <NodeLabel node={node} labelId={`asn1-${id}`} />
        </div>
        {parent && open ? (
          <ul role="group" className="ml-4 border-l border-slate-200 pl-1">
            {node.children.map((child, index) =>
              renderNode(child, `${id}.${index}`, level + 1, index + 1, node.children.length),
            )}
          </ul>
        ) : null}
      </li>
    );
  }

  return (
    <ul role="tree" aria-label={label} onKeyDown={onKeyDown} className="font-mono text-xs text-slate-900">
      {renderNode(root, '0', 1, 1, 1)}
    </ul>
  );
}
