/** Declared once at module scope: a new object per render would remount every node. */
import type { NodeTypes } from '@xyflow/react';
import { GroupNode } from './GroupNode';
import { RegionNode } from './RegionNode';
import { ResourceNode } from './ResourceNode';
import { SideBand, SiteRegion, WitnessShape } from './network/NetShapes';

export const nodeTypes: NodeTypes = {
  region: RegionNode,
  'group-box': GroupNode,
  resource: ResourceNode,
  'net-site': SiteRegion,
  'net-witness': WitnessShape,
  'net-band': SideBand,
};
