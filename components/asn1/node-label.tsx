import type { Asn1Node } from '@/lib/pki/asn1-tree';

const classNames = {
  universal: 'universal',
  application: 'application',
  context: 'context-specific',
  private: 'private',
};

/** "SEQUENCE (universal 16, constructed)". */
export function tagDescription(node: Asn1Node): string {
  return `${node.name} (${classNames[node.tagClass]} ${node.tagNumber}, ${node.constructed ? 'constructed' : 'primitive'})`;
}

/** One node in a line: offset, tag, content length and its value or the start of its hex. */
export function NodeLabel({ node, labelId }: { node: Asn1Node; labelId?: string }) {
  const shown = node.value ?? (node.constructed || node.encapsulates ? null : hexPreview(node));
  return (
    // Spaces between the parts keep the accessible name readable ("8 [0] len 3"), not run together.
    <span id={labelId} className="min-w-0">
      <span className="text-slate-500">{node.offset}</span> <span className="font-semibold">{node.name}</span>{' '}
      <span className="text-slate-500">len {node.length}</span>
      {shown ? (
        <>
          {' '}
          <span className="break-all text-slate-800">{shown}</span>
        </>
      ) : null}
    </span>
  );
}

function hexPreview(node: Asn1Node): string | null {
  if (node.length === 0) return null;
  const short = node.hex.slice(0, 48);
  return short.length < node.hex.length || node.truncated ? `${short}…` : short;
}
