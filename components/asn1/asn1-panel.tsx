'use client';

import { useState } from 'react';
import type { Decoded } from '@/lib/pki';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { Asn1NodeDetails } from './asn1-node-details';
import { Asn1Unavailable } from './asn1-unavailable';
import { Asn1TreeView } from './asn1-tree-view';

/** The ASN.1 tab: the tree beside the details of the node in focus, or why there is no tree. */
export function Asn1Panel({ tree }: { tree: Decoded<Asn1Node> }) {
  const [selected, setSelected] = useState<Asn1Node | null>(null);
  if (!tree.ok) return <Asn1Unavailable reason={tree.error} />;
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="max-h-[36rem] overflow-auto rounded-md border border-slate-200 p-2">
        <p className="mb-2 text-xs text-slate-600">
          Offset, tag, content length and value. Arrow keys move and open nodes.
        </p>
        <Asn1TreeView root={tree.view} label="ASN.1 structure" onSelect={setSelected} />
      </div>
      <Asn1NodeDetails node={selected ?? tree.view} />
    </div>
  );
}
