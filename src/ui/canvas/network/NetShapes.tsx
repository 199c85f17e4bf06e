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

/** Where a witness lives: the scenario gives it no site, so it is drawn outside every site (a third place). */
const PLACE: Record<string, string> = {
  cloud: 'in the cloud, outside every site',
  fileShare: 'a file share outside every site',
  disk: 'shared storage, in no site',
};

export const WitnessShape = memo(function WitnessShape() {
  const words = useAppStore((s) => witnessWords(s.view));
  const ok = useAppStore((s) => s.view.network?.witnessAvailable ?? s.view.quorum.witness.up);
  const kind = useAppStore((s) => s.view.quorum.witness.kind);
  const sites = useAppStore((s) => s.scenario.nodes.some((n) => n.site));
  if (!words) return null;
  return (
    <div className={`witness-box${ok ? '' : ' witness-unreached'}`} data-testid="witness-box">
      <span>{words}</span>
      {sites && PLACE[kind] && <span className="witness-place">{PLACE[kind]}</span>}
    </div>
  );
});

export const SideBand = memo(function SideBand() {
  return <div className="side-band" aria-hidden="true" />;
});
