/** The Design canvas's node kinds. `data` holds names only; names are rendered as text. */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { DGroupData, DNodeData, DResData } from './graph';
import type { DSiteData } from './siteRegions';

export const DNode = memo(function DNode({ data, selected }: NodeProps<Node<DNodeData>>) {
  return (
    <div
      className={`d-server${selected ? ' is-selected' : ''}${data.state === 'Down' ? ' is-down' : ''}`}
      title={`Cluster node ${data.name}${data.site ? ` in site ${data.site}` : ''}${data.networks ? `, on ${data.networks}` : ''}`}
    >
      {/* In network mode the kind line also names the networks the server is on (full list in the title). */}
      <span className="d-kind d-server-nets">
        server{data.networks ? <span className="d-nets-list"> · {data.networks}</span> : null}
      </span>
      <span className="d-name">{data.name}</span>
    </div>
  );
});

export const DGroup = memo(function DGroup({ data, selected }: NodeProps<Node<DGroupData>>) {
  return (
    <div className={`d-group${selected ? ' is-selected' : ''}`}>
      <div className="d-group-head">
        <span className="d-kind">group</span> <span className="d-name">{data.name}</span>
      </div>
      {data.count === 0 && <div className="d-empty">Add resources from the palette</div>}
    </div>
  );
});

export const DRes = memo(function DRes({ data, selected }: NodeProps<Node<DResData>>) {
  return (
    <div className={`d-res${selected ? ' is-selected' : ''}`}>
      <Handle
        type="target"
        position={Position.Top}
        className="d-handle"
        title={`Provider handle of ${data.name}: drop here to make a resource depend on it`}
      />
      <span className="d-name">{data.name}</span>
      <span className="d-type">{data.type}</span>
      <Handle
        type="source"
        position={Position.Bottom}
        className="d-handle"
        title={`Drag from here to the resource ${data.name} depends on`}
      />
    </div>
  );
});

/** A site: a region behind its servers, labelled with its name (not selectable, not draggable). */
export const DSite = memo(function DSite({ data }: NodeProps<Node<DSiteData>>) {
  return (
    <div className="d-site-region" aria-label={`Site ${data.name}: ${data.count} node${data.count === 1 ? '' : 's'}`}>
      <span className="d-site-label">
        site <span className="d-name">{data.name}</span>
      </span>
    </div>
  );
});

export const nodeTypes = { dnode: DNode, dgroup: DGroup, dres: DRes, dsite: DSite };
