/**
 * React Flow node components of the network drawing (./netNodes places them): a site's tinted
 * region behind its cards, the witness where it lives (outside the sites), and the empty band above
 * the row that keeps room for the side labels inside the fitted view.
 */
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useAppStore } from '../../../store/context';
import { witnessWords } from './netModel';
import type { SiteNodeData } from './netNodes';
import './netDrawing.css';

export const SiteRegion = memo(function SiteRegion({ data }: NodeProps<Node<SiteNodeData>>) {
  return (
    <div className="site-region" data-testid={`site-${data.site}`} data-nodes={data.nodes.join(',')}>
      <span className="site-name">Site {data.site}</span>
    </div>
  );
});

export const WitnessShape = memo(function WitnessShape() {
  const words = useAppStore((s) => witnessWords(s.view));
  const ok = useAppStore((s) => s.view.network?.witnessAvailable ?? s.view.quorum.witness.up);
  if (!words) return null;
  return (
    <div className={`witness-box${ok ? '' : ' witness-unreached'}`} data-testid="witness-box">
      {words}
    </div>
  );
});

export const SideBand = memo(function SideBand() {
  return <div className="side-band" aria-hidden="true" />;
});
