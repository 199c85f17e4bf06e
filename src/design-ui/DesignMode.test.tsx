// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DUMP_COMMAND } from '../design/dumpCommand';
import { mountDesign, stubResizeObserver } from './test/mountDesign';
import {
  addDependency,
  addGroup,
  addNode,
  addResource,
  emptyScenario,
  findResource,
  type RawScenario,
} from '../design/edit/ops';

beforeAll(stubResizeObserver);
afterEach(cleanup);

function twoNodes(): RawScenario {
  let raw = emptyScenario('Test design');
  for (const op of [
    (r: RawScenario) => addNode(r),
    (r: RawScenario) => addNode(r),
    (r: RawScenario) => addGroup(r, 'G'),
    (r: RawScenario) => addResource(r, 'G', 'Physical Disk', 'Disk'),
    (r: RawScenario) => addResource(r, 'G', 'IP Address', 'IP'),
    (r: RawScenario) => addDependency(r, 'IP', 'Disk'),
  ]) {
    const res = op(raw);
    if (!res.ok) throw new Error(res.reason);
    raw = res.raw;
  }
  return raw;
}

const mount = (initial: unknown = twoNodes(), onSimulate = vi.fn()) => mountDesign(initial, onSimulate);

describe('DesignMode', () => {
  it('starts from the initial scenario and saves it as a design', async () => {
    const { storage } = await mount();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Test design');
    expect((await storage.list()).map((d) => d.name)).toEqual(['Test design']);
  });

  it('adds elements from the toolbar and the palette; undo and redo', async () => {
    const user = userEvent.setup();
    const { state } = await mount(emptyScenario('E'));
    expect(screen.getByRole('button', { name: 'Add IP Address' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add node' }));
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    await user.click(screen.getByRole('button', { name: 'Add IP Address' }));
    expect(findResource(state().raw, 'IP Address')?.group.name).toBe('Group 1');
    expect(screen.getByRole('complementary', { name: 'Design inspector' })).toHaveTextContent('Resource IP Address');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(findResource(state().raw, 'IP Address')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(findResource(state().raw, 'IP Address')).not.toBeNull();
    await act(async () => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    });
    expect(findResource(state().raw, 'IP Address')).toBeNull();
    await act(async () => {
      fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    });
    expect(findResource(state().raw, 'IP Address')).not.toBeNull();
  });

  it('shows an invalid property value inline with the engine message and does not apply it', async () => {
    const user = userEvent.setup();
    const { state } = await mount();
    act(() => state().select({ kind: 'group', name: 'G' }));
    const inspector = screen.getByRole('complementary', { name: 'Design inspector' });
    const field = within(inspector).getByLabelText(/^FailoverPeriod \(h\)/);
    expect(within(inspector).getByText('default 6 h')).toBeInTheDocument();
    await user.type(field, '0{Enter}');
    expect(within(inspector).getByRole('alert')).toHaveTextContent(
      'FailoverPeriod must be an integer from 1 to 1193 hours, got 0 (out of range)',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(state().raw.groups![0]!.properties).toBeUndefined();
    await user.clear(field);
    await user.type(field, '24{Enter}');
    expect(state().raw.groups![0]!.properties).toEqual({ FailoverPeriod: 24 });
    expect(within(inspector).getByText('= 24 h')).toBeInTheDocument();
  });

  it('reorders preferred owners with the keyboard buttons and ticks possible owners', async () => {
    const user = userEvent.setup();
    const { state } = await mount();
    act(() => state().select({ kind: 'group', name: 'G' }));
    await user.click(screen.getByRole('button', { name: 'Add NODE1 as preferred owner' }));
    await user.click(screen.getByRole('button', { name: 'Add NODE2 as preferred owner' }));
    await user.click(screen.getByRole('button', { name: 'Move NODE2 up' }));
    expect(state().raw.groups![0]!.preferredOwners).toEqual(['NODE2', 'NODE1']);
    act(() => state().select({ kind: 'resource', name: 'Disk' }));
    await user.click(screen.getByRole('checkbox', { name: 'NODE1' }));
    expect(findResource(state().raw, 'Disk')!.resource.possibleOwners).toEqual(['NODE2']);
    // The lint notices the preferred owner that cannot host the disk and offers a fix.
    const problems = screen.getByRole('region', { name: 'Problems' });
    expect(problems).toHaveTextContent('preferred');
  });

  it('applies a lint fix in one click (one undo step)', async () => {
    const user = userEvent.setup();
    const { state } = await mount();
    const problems = screen.getByRole('region', { name: 'Problems' });
    expect(problems).toHaveTextContent('1 warning');
    await user.click(within(problems).getByRole('button', { name: 'Add a file share witness' }));
    expect(problems).toHaveTextContent('0 warnings');
    expect(state().past).toHaveLength(1);
  });

  it('errors block Simulate; a valid design is handed over as raw JSON', async () => {
    const user = userEvent.setup();
    const { state, onSimulate } = await mount();
    await user.click(screen.getByRole('button', { name: 'Simulate ▶' }));
    expect(onSimulate).toHaveBeenCalledWith(state().raw);
    act(() => {
      state().edit((r) => ({ ok: true, raw: { ...r, until: 'soon' } }));
    });
    expect(screen.getByRole('list', { name: 'Errors' })).toHaveTextContent('until');
    await user.click(screen.getByRole('button', { name: 'Simulate ▶' }));
    expect(onSimulate).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert')).toHaveTextContent('The simulator would reject this design');
  });

  it('Copy link makes a #scenario= share link that decodes to the design, positions included', async () => {
    const user = userEvent.setup();
    const { state } = await mount();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const url = screen.getByRole<HTMLInputElement>('textbox', { name: 'Share link' }).value;
    expect(writeText).toHaveBeenCalledWith(url);
    const { decodeShareHash } = await import('../store/session');
    const decoded = decodeShareHash(url.slice(url.indexOf('#')));
    expect(decoded).toEqual({ kind: 'ok', source: state().raw, actions: [] });
  });

  it('renders names as text, never markup', async () => {
    const evil = '<img src=x onerror="alert(1)">';
    const raw = twoNodes();
    raw.nodes![0]!.name = evil;
    const { state } = await mount(raw);
    act(() => state().select({ kind: 'node', name: evil }));
    expect(screen.getAllByText(evil).length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
  });

  it('lists saved designs: duplicate, rename, open, delete', async () => {
    const user = userEvent.setup();
    const { storage, state } = await mount();
    await user.click(screen.getByRole('button', { name: 'Designs…' }));
    const panel = screen.getByRole('region', { name: 'Saved designs' });
    await user.click(await within(panel).findByRole('button', { name: 'Duplicate Test design' }));
    await within(panel).findByText('Test design (copy)');
    expect(state().raw.name).toBe('Test design (copy)');
    await user.click(within(panel).getByRole('button', { name: 'Rename Test design' }));
    const input = within(panel).getByRole('textbox', { name: 'New name for Test design' });
    await user.clear(input);
    await user.type(input, 'Original{Enter}');
    await within(panel).findByText('Original');
    await user.click(within(panel).getByRole('button', { name: 'Open Original' }));
    await vi.waitFor(() => expect(state().raw.name).toBe('Original'));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(within(panel).getByRole('button', { name: 'Delete Test design (copy)' }));
    await vi.waitFor(async () => expect((await storage.list()).map((d) => d.name)).toEqual(['Original']));
  });

  it('import from a real cluster: shows the dump command and reports bad input', async () => {
    const user = userEvent.setup();
    await mount();
    await user.click(screen.getByRole('button', { name: 'Import from a real cluster…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import from a real cluster' });
    expect(within(dialog).getByRole('textbox', { name: 'Dump command' })).toHaveValue(DUMP_COMMAND);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Cluster dump JSON' }), {
      target: { value: '[{"ResourceType":"IP Address"}]' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Import as a new design' }));
    expect(within(dialog).getByRole('list', { name: 'Import errors' })).toHaveTextContent(
      'not a Failover Lab cluster dump',
    );
  });

  it('a group and a resource that share a name are selected, renamed and deleted independently', async () => {
    const user = userEvent.setup();
    const raw = twoNodes();
    raw.groups![0]!.name = 'FS1';
    raw.groups![0]!.resources!.push({ name: 'FS1', type: 'Network Name', dependsOn: ['IP'] });
    const { state } = await mount(raw);
    expect(state().errors).toEqual([]);
    // One canvas node per element: the ids carry the kind.
    expect(document.querySelector('[data-id="g:FS1"]')).not.toBeNull();
    expect(document.querySelector('[data-id="r:FS1"]')).not.toBeNull();
    const inspector = screen.getByRole('complementary', { name: 'Design inspector' });

    act(() => state().select({ kind: 'resource', name: 'FS1' }));
    expect(within(inspector).getByRole('heading', { level: 2 })).toHaveTextContent('Resource FS1');
    const name = within(inspector).getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'FS1 Name{Enter}');
    expect(state().raw.groups![0]!.name).toBe('FS1');
    expect(state().raw.groups![0]!.resources!.map((r) => r.name)).toEqual(['Disk', 'IP', 'FS1 Name']);
    expect(state().selection).toEqual({ kind: 'resource', name: 'FS1 Name' });

    act(() => state().select({ kind: 'group', name: 'FS1' }));
    expect(within(inspector).getByRole('heading', { level: 2 })).toHaveTextContent('Group FS1');
    const groupName = within(inspector).getByLabelText(/^Name/);
    await user.clear(groupName);
    await user.type(groupName, 'FS1 Name{Enter}');
    expect(state().raw.groups![0]!.name).toBe('FS1 Name');
    expect(state().raw.groups![0]!.resources!.map((r) => r.name)).toEqual(['Disk', 'IP', 'FS1 Name']);
    expect(state().errors).toEqual([]);

    act(() => state().select({ kind: 'resource', name: 'FS1 Name' }));
    await act(async () => {
      fireEvent.keyDown(window, { key: 'Delete' });
    });
    expect(state().raw.groups!.map((g) => g.name)).toEqual(['FS1 Name']);
    expect(state().raw.groups![0]!.resources!.map((r) => r.name)).toEqual(['Disk', 'IP']);
    expect(state().selection).toBeNull();
  });

  it('Export PowerShell shows what the script will not do (a virtual machine) before the download', async () => {
    const user = userEvent.setup();
    const raw = twoNodes();
    raw.groups!.push({ name: 'VM1', resources: [{ name: 'Virtual Machine VM1', type: 'Virtual Machine' }] });
    await mount(raw);
    await user.click(screen.getByRole('button', { name: 'Export PowerShell…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export as a PowerShell script' });
    expect(within(dialog).getByRole('list', { name: 'Export notes' })).toHaveTextContent(
      'groups[1].resources[0] "Virtual Machine VM1" (Virtual Machine) is not created by the script',
    );
    expect(within(dialog).getByRole<HTMLTextAreaElement>('textbox', { name: 'PowerShell script' }).value).toContain(
      "Assert-VmRes 'Virtual Machine VM1' 'Virtual Machine' 'VM1'",
    );
    expect(within(dialog).getByRole('button', { name: 'Download Test design.ps1' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('import with notes: the dialog lists each note with its place, the design opens', async () => {
    const user = userEvent.setup();
    const { state } = await mount();
    await user.click(screen.getByRole('button', { name: 'Import from a real cluster…' }));
    const dump = readFileSync(
      join(__dirname, '..', 'design', '__fixtures__', 'powershell', 'min03-online-group-persistentstate-0.json'),
      'utf8',
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Cluster dump JSON' }), { target: { value: dump } });
    await user.click(screen.getByRole('button', { name: 'Import as a new design' }));
    const dialog = screen.getByRole('dialog', { name: 'Imported as a new design' });
    expect(within(dialog).getByRole('list', { name: 'Import notes' })).toHaveTextContent(
      'Groups[0].PersistentState: group "FileServer1" is Online but its PersistentState is 0: imported as online',
    );
    await vi.waitFor(() => expect(state().raw.name).toBe('Imported from c'));
    expect(state().raw.groups![0]!.persistentState).toBeUndefined();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("the group inspector says where the group is placed at t = 0 by the engine's rule (a Down owner is not used)", async () => {
    const raw = twoNodes();
    raw.nodes![0]!.state = 'Down';
    raw.groups![0]!.ownerNode = 'NODE1';
    const { state } = await mount(raw);
    act(() => state().select({ kind: 'group', name: 'G' }));
    const owner = screen.getByRole('combobox', { name: 'Initial owner' });
    expect(owner).toHaveAccessibleDescription('NODE1 is Down at t = 0: it is placed on NODE2.');
    act(() => {
      state().edit((r) => ({ ok: true, raw: { ...r, nodes: [{ name: 'NODE1' }, { name: 'NODE2' }] } }));
    });
    expect(owner).toHaveAccessibleDescription('At t = 0 it is placed on NODE1.');
  });

  it('Open JSON refuses a file with a repeated key or bytes that are not UTF-8, naming the place; the design is kept', async () => {
    const { state } = await mount();
    const before = state().raw;
    const input = screen.getByLabelText('Open a scenario JSON file');
    const open = async (name: string, bytes: BlobPart) => {
      await act(async () => {
        fireEvent.change(input, { target: { files: [new File([bytes], name, { type: 'application/json' })] } });
      });
    };
    await open('dup.json', '{"format":"failover-scenario@1","nodes":[{"name":"A","name":"B"}]}');
    expect(await screen.findByRole('alert')).toHaveTextContent('"dup.json": nodes[0]: duplicate key "name"');
    await open('latin1.json', new Uint8Array([0x7b, 0x22, 0x6e, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    await vi.waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('"latin1.json": (file)'));
    expect(state().raw).toBe(before);
  });
});
