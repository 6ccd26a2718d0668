import { describe, expect, it } from 'vitest';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { indexTree, initiallyExpanded, treeKey, visibleIds } from './tree-model';

const leaf = (name: string): Asn1Node => ({
  offset: 0,
  headerLength: 2,
  length: 1,
  tagClass: 'universal',
  tagNumber: 2,
  constructed: false,
  name,
  hex: '01',
  truncated: false,
  encapsulates: false,
  children: [],
});
const parent = (name: string, children: Asn1Node[]): Asn1Node => ({
  ...leaf(name),
  constructed: true,
  children,
});

// 0 root ─ 0.0 a ─ 0.0.0 a1
//        └ 0.1 b ─ 0.1.0 b1 ─ 0.1.0.0 b11
const root = parent('root', [parent('a', [leaf('a1')]), parent('b', [parent('b1', [leaf('b11')])])]);
const entries = indexTree(root);

describe('ASN.1 tree keyboard model', () => {
  it('opens the root and its constructed children first', () => {
    const open = initiallyExpanded(root);
    expect([...open].sort()).toEqual(['0', '0.0', '0.1']);
    expect(visibleIds(root, open)).toEqual(['0', '0.0', '0.0.0', '0.1', '0.1.0']);
  });

  it('moves through visible nodes with the arrows, Home and End', () => {
    const open = initiallyExpanded(root);
    const visible = visibleIds(root, open);
    expect(treeKey('ArrowDown', '0.0.0', entries, visible, open)).toEqual({ focus: '0.1' });
    expect(treeKey('ArrowUp', '0', entries, visible, open)).toEqual({ focus: '0' });
    expect(treeKey('End', '0', entries, visible, open)).toEqual({ focus: '0.1.0' });
    expect(treeKey('Home', '0.1.0', entries, visible, open)).toEqual({ focus: '0' });
  });

  it('opens, enters, closes and leaves nodes with Right and Left', () => {
    const open = initiallyExpanded(root);
    const visible = visibleIds(root, open);
    expect(treeKey('ArrowRight', '0.1.0', entries, visible, open)).toEqual({ expand: ['0.1.0'] });
    expect(treeKey('ArrowRight', '0.1', entries, visible, open)).toEqual({ focus: '0.1.0' });
    expect(treeKey('ArrowRight', '0.0.0', entries, visible, open)).toEqual({});
    expect(treeKey('ArrowLeft', '0.1', entries, visible, open)).toEqual({ collapse: '0.1' });
    expect(treeKey('ArrowLeft', '0.1.0', entries, visible, open)).toEqual({ focus: '0.1' });
    expect(treeKey('ArrowLeft', '0', entries, visible, new Set())).toEqual({});
  });

  it('toggles with Enter and Space, opens siblings with *, ignores other keys', () => {
    const open = initiallyExpanded(root);
    const visible = visibleIds(root, open);
    expect(treeKey('Enter', '0.1', entries, visible, open)).toEqual({ toggle: '0.1' });
    expect(treeKey(' ', '0.0.0', entries, visible, open)).toEqual({});
    expect(treeKey('*', '0.0', entries, visible, open)).toEqual({
      expand: expect.arrayContaining(['0.0', '0.1']) as string[],
    });
    expect(treeKey('a', '0', entries, visible, open)).toBeNull();
  });
});
