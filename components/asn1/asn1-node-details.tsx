'use client';

import { DescriptionList } from '@/components/ui/description-list';
import { Copyable } from '@/components/pki/copyable';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { tagDescription } from './node-label';

/** The node that has focus in the tree, every field with its own copy button. */
export function Asn1NodeDetails({ node }: { node: Asn1Node }) {
  return (
    <section aria-label="Selected ASN.1 node" className="rounded-md border border-slate-200 p-3">
      <DescriptionList
        items={[
          { term: 'Tag', detail: tagDescription(node) },
          { term: 'Offset', detail: <Copyable text={String(node.offset)} what="offset" /> },
          { term: 'Header length', detail: String(node.headerLength) },
          { term: 'Length', detail: <Copyable text={String(node.length)} what="length" /> },
          ...(node.value ? [{ term: 'Value', detail: <Copyable text={node.value} what="value" /> }] : []),
          {
            term: node.truncated
              ? `Contents (first ${node.hex.length / 2} of ${node.length} bytes)`
              : 'Contents (hex)',
            detail: node.hex ? <Copyable text={node.hex} what="contents" mono /> : <em>empty</em>,
          },
        ]}
      />
    </section>
  );
}
