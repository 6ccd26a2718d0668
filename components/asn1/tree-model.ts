import type { Asn1Node } from '@/lib/pki/asn1-tree';

/** A node's place in the tree: its id is the path of child indexes ("0", "0.2", "0.2.1"). */
export interface TreeEntry {
  id: string;
  node: Asn1Node;
  parentId: string | null;
  level: number;
}

/** Every node by id, for lookups from keyboard handlers. */
export function indexTree(root: Asn1Node): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  const stack: TreeEntry[] = [{ id: '0', node: root, parentId: null, level: 1 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    entries.set(entry.id, entry);
    entry.node.children.forEach((child, index) =>
      stack.push({ id: `${entry.id}.${index}`, node: child, parentId: entry.id, level: entry.level + 1 }),
    );
  }
  return entries;
}

/** Ids of the nodes a reader can currently see, in document order. */
export function visibleIds(root: Asn1Node, expanded: ReadonlySet<string>): string[] {
  const ids: string[] = [];
  const walk = (node: Asn1Node, id: string) => {
    ids.push(id);
    if (expanded.has(id)) node.children.forEach((child, index) => walk(child, `${id}.${index}`));
  };
  walk(root, '0');
  return ids;
}

/** The root and the level below it start open: a certificate's three parts, a CSR's info and signature. */
export function initiallyExpanded(root: Asn1Node): Set<string> {
  const open = new Set(['0']);
  root.children.forEach((child, index) => {
    if (child.children.length > 0) open.add(`0.${index}`);
  });
  return open;
}

export type TreeKeyResult = { focus?: string; toggle?: string; expand?: string[]; collapse?: string };

/** What a key press does in a tree (WAI-ARIA APG tree view pattern); null for keys the tree ignores. */
export function treeKey(
  key: string,
  focusId: string,
  entries: Map<string, TreeEntry>,
  visible: string[],
  expanded: ReadonlySet<string>,
): TreeKeyResult | null {
  const entry = entries.get(focusId);
  if (!entry) return null;
  const position = visible.indexOf(focusId);
  const hasChildren = entry.node.children.length > 0;
  switch (key) {
    case 'ArrowDown':
      return { focus: visible[Math.min(position + 1, visible.length - 1)] };
    case 'ArrowUp':
      return { focus: visible[Math.max(position - 1, 0)] };
    case 'Home':
      return { focus: visible[0] };
    case 'End':
      return { focus: visible[visible.length - 1] };
    case 'ArrowRight':
      if (!hasChildren) return {};
      return expanded.has(focusId) ? { focus: `${focusId}.0` } : { expand: [focusId] };
    case 'ArrowLeft':
      if (hasChildren && expanded.has(focusId)) return { collapse: focusId };
      return entry.parentId ? { focus: entry.parentId } : {};
    case 'Enter':
    case ' ':
      return hasChildren ? { toggle: focusId } : {};
    case '*': {
      const siblings = [...entries.values()].filter(
        (e) => e.parentId === entry.parentId && e.node.children.length > 0,
      );
      return { expand: siblings.map((e) => e.id) };
    }
    default:
      return null;
  }
}
