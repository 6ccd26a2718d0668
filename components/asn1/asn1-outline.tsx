import { focusRing } from '@/components/ui/focus';
import type { Decoded } from '@/lib/pki';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { Asn1Unavailable } from './asn1-unavailable';
import { NodeLabel, tagDescription } from './node-label';

/**
 * The ASN.1 structure rendered once, with no script: each node a native disclosure (Tab reaches it, Enter
 * or Space opens it) showing its tag, header length and contents, then its children. The root and the
 * level below it start open, as in the interactive tree.
 */
export function Asn1Outline({ tree }: { tree: Decoded<Asn1Node> }) {
  if (!tree.ok) return <Asn1Unavailable reason={tree.error} />;
  return (
    <div className="max-h-[36rem] overflow-auto rounded-md border border-slate-200 p-2">
      <p className="mb-2 text-xs text-slate-600">
        Offset, tag, content length and value. Open a node for its header and contents.
      </p>
      <ul aria-label="ASN.1 structure" className="font-mono text-xs text-slate-900">
        <OutlineNode node={tree.view} depth={0} />
      </ul>
    </div>
  );
}

function OutlineNode({ node, depth }: { node: Asn1Node; depth: number }) {
  return (
    <li>
      <details open={depth < 2 && node.children.length > 0}>
        <summary className={`cursor-default rounded px-1 py-0.5 hover:bg-slate-100 ${focusRing}`}>
          <NodeLabel node={node} />
        </summary>
        <div className="ml-4 border-l border-slate-200 pl-2">
          <p className="py-0.5 text-slate-600">
            {tagDescription(node)}, header {node.headerLength} bytes
          </p>
          {!node.constructed && node.hex ? (
            <p className="py-0.5 break-all text-slate-600">
              {node.truncated ? `first ${node.hex.length / 2} of ${node.length} bytes: ` : ''}
              {node.hex}
            </p>
          ) : null}
          {node.children.length > 0 ? (
            <ul>
              {node.children.map((child, index) => (
                <OutlineNode key={index} node={child} depth={depth + 1} />
              ))}
            </ul>
          ) : null}
        </div>
      </details>
    </li>
  );
}
