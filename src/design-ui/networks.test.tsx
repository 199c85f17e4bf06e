// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mountDesign, stubResizeObserver } from './test/mountDesign';
type RawScenario = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(stubResizeObserver);
afterEach(cleanup);

const MARKUP = '<b>LAN</b>';
const design = (): RawScenario => ({
  format: 'failover-scenario@1',
  name: 'Nets',
  cluster: { functionalLevel: '2016' },
  networks: [{ name: MARKUP }, { name: 'HB', role: 'cluster' }],
  nodes: [
    { name: 'N1', site: 'NYC' },
    { name: 'N2', site: 'SEA' },
  ],
  groups: [{ name: 'G', resources: [{ name: 'IP', type: 'IP Address' }] }],
});

const mount = (initial: RawScenario = design()) => mountDesign(initial);

describe('Design mode: networks and sites', () => {
  it('shows network names as text, in the legend and the matrix', async () => {
    await mount();
    const legend = screen.getByRole('group', { name: 'Networks legend' });
    expect(legend.textContent).toContain(`${MARKUP} (cluster and client): N1, N2`);
    expect(document.querySelector('.d-net-legend b')).toBeNull();
    expect(screen.getByRole('checkbox', { name: `N1 on ${MARKUP}` })).toBeChecked();
  });

  it('a matrix checkbox is one edit, undone in one step', async () => {
    const { state } = await mount();
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'N2 on HB' }));
    expect(state().raw.nodes?.[1]!.interfaces).toEqual([MARKUP]);
    expect(state().past).toHaveLength(1);
    act(() => state().undo());
    expect(state().raw.nodes?.[1]!.interfaces).toBeUndefined();
    expect(screen.getByRole('checkbox', { name: 'N2 on HB' })).toBeChecked();
  });

  it('a refused edit shows its reason and changes nothing', async () => {
    const { state } = await mount();
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'N1 on HB' }));
    await user.click(screen.getByRole('checkbox', { name: `N1 on ${MARKUP}` }));
    expect(screen.getByRole('alert').textContent).toContain('"N1" would have no interface');
    expect(state().raw.nodes?.[0]!.interfaces).toEqual([MARKUP]);
  });

  it('sites are typed in the matrix (Enter applies) and the level select refuses dropping below 2016', async () => {
    const { state } = await mount();
    const user = userEvent.setup();
    const site = screen.getByRole('textbox', { name: 'Site of N2' });
    await user.clear(site);
    await user.type(site, 'NYC{Enter}');
    expect(state().raw.nodes?.[1]!.site).toBe('NYC');
    await user.selectOptions(screen.getByLabelText('Cluster functional level'), '2012R2');
    expect(screen.getByRole('alert').textContent).toContain('the design uses 2 node sites');
    expect((state().raw.cluster as Record<string, unknown>).functionalLevel).toBe('2016');
  });

  it(
    "an IP Address's Network offers client networks only; a group's preferred sites are ordered",
    { timeout: 20000 },
    async () => {
      const { state } = await mount();
      const user = userEvent.setup();
      act(() => state().select({ kind: 'resource', name: 'IP' }));
      const net = screen.getByLabelText('Network');
      expect(within(net).getByRole('option', { name: /^HB/ })).toBeDisabled();
      await user.selectOptions(net, MARKUP);
      expect(state().raw.groups?.[0]!.resources?.[0]!.parameters).toEqual({ Network: MARKUP });
      act(() => state().select({ kind: 'group', name: 'G' }));
      await user.click(screen.getByRole('button', { name: 'Add site SEA' }));
      await user.click(screen.getByRole('button', { name: 'Add site NYC' }));
      await user.click(screen.getByRole('button', { name: 'Move site NYC up' }));
      expect(state().raw.groups?.[0]!.properties?.PreferredSite).toEqual(['NYC', 'SEA']);
    },
  );
});
