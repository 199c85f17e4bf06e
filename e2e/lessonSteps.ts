/** Steps the lesson tests share: a built-in lesson checked, and the player checked at a stop against the trace. */
import { expect, type Page } from '@playwright/test';
import { createSimulation, type TraceEvent } from '../src/engine';
import { formatClock, formatSimTime } from '../src/store/format';
import { BUILTIN_LESSONS } from '../src/lesson/builtins';
import { validateLesson, type CheckedLesson } from '../src/lesson/validate';

export const lessonOf = (id: string): CheckedLesson => {
  const r = validateLesson(BUILTIN_LESSONS.find((b) => b.id === id)!.source);
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.issues)}`);
  return r.value;
};

/**
 * The table the contract asks for at cursor p (lesson-format §3), folded here from the trace on its
 * own: a resource's Owner is the node of its last resource.state shown (empty before its first), a
 * group's the owner after its last group.owner shown (its initial owner before that). The table
 * writes an owner whose node is not Up or Paused as "last owner X" (the `final` rule: no live owner).
 */
export function expectedTable(c: CheckedLesson, p: number): Record<string, [string, string]> {
  const shown = c.events.slice(0, p + 1);
  const all = c.events;
  const start = createSimulation(c.scenario).view();
  const out: Record<string, [string, string]> = {};
  const last = <T extends TraceEvent>(xs: readonly TraceEvent[], pred: (e: TraceEvent) => e is T) =>
    xs.filter(pred).at(-1);
  for (const n of c.scenario.nodes) {
    const mine = (e: TraceEvent): e is Extract<TraceEvent, { type: 'node.state' }> =>
      e.type === 'node.state' && e.node === n.name;
    out[`node:${n.name}`] = [
      last(shown, mine)?.to ?? all.find(mine)?.from ?? start.nodes.find((x) => x.name === n.name)!.state,
      '',
    ];
  }
  // The Owner column is `final`'s owner: a node the cluster sees Up or Paused (issue 11: after
  // QuorumLost the remembered owner is shown apart, "last owner N2").
  const live = (node: string) => (['Up', 'Paused'].includes(out[`node:${node}`]?.[0] ?? '') ? node : '');
  for (const g of c.scenario.groups) {
    const st = (e: TraceEvent): e is Extract<TraceEvent, { type: 'group.state' }> =>
      e.type === 'group.state' && e.group === g.name;
    const ow = (e: TraceEvent): e is Extract<TraceEvent, { type: 'group.owner' }> =>
      e.type === 'group.owner' && e.group === g.name;
    const firstOwner = all.find(ow);
    const initialOwner = firstOwner ? firstOwner.from : start.groups.find((x) => x.name === g.name)!.owner;
    const owner = last(shown, ow);
    out[`group:${g.name}`] = [
      last(shown, st)?.to ?? all.find(st)?.from ?? 'Offline',
      live((owner ? owner.to : initialOwner) ?? ''),
    ];
    for (const r of g.resources) {
      const rs = (e: TraceEvent): e is Extract<TraceEvent, { type: 'resource.state' }> =>
        e.type === 'resource.state' && e.resource === r.name;
      const e = last(shown, rs);
      out[`resource:${r.name}`] = [e?.to ?? 'Offline', live(e?.node ?? '')];
    }
  }
  return out;
}

export async function tableOnScreen(page: Page) {
  const rows = await page
    .getByRole('table', { name: 'Cluster state' })
    .getByRole('row')
    .evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return Object.fromEntries(rows.map(([name, kind, state, owner]) => [`${kind}:${name}`, [state, owner]]));
}

export const panel = (page: Page) => page.getByRole('region', { name: 'Lesson' });

/** Wait until the player rests at `stop` ("5:ask"), then check the screen shows exactly events 0..p. */
export async function expectStop(page: Page, c: CheckedLesson, stop: string, p: number, clock: number) {
  await expect(panel(page)).toHaveAttribute('data-stop', stop);
  await expect(panel(page)).toHaveAttribute('aria-busy', 'false');
  const [step] = stop.split(':');
  await expect(page.getByTestId('lesson-step')).toHaveText(`${Number(step) + 1} / ${c.lesson.steps.length}`);
  await expect(page.getByLabel('Simulated time')).toHaveText(`t = ${formatSimTime(clock)}`);
  expect(await tableOnScreen(page)).toEqual(expectedTable(c, p));
  const log = page.getByRole('list', { name: 'Trace events' }).getByRole('listitem');
  await expect(log).toHaveCount(p + 1);
  const texts = await log.allTextContents();
  texts.forEach((text, i) =>
    expect(text.startsWith(`t=${formatClock(c.events[i]!.t)} · ${c.events[i]!.type}`)).toBe(true),
  );
  expect(texts.some((t) => t.includes('(ahead)'))).toBe(false);
}

export const stopOf = (c: CheckedLesson, step: number, phase: 'beat' | 'ask' | 'reveal') => {
  const pos = c.positions[step]!;
  if (phase === 'reveal' && pos.kind === 'question') return { p: pos.reveal, clock: pos.revealT };
  return { p: pos.at, clock: pos.t };
};

export async function at(page: Page, c: CheckedLesson, step: number, phase: 'beat' | 'ask' | 'reveal') {
  const { p, clock } = stopOf(c, step, phase);
  await expectStop(page, c, `${step}:${phase}`, p, clock);
}

export const cont = (page: Page) => page.getByRole('button', { name: 'Continue' });
export const back = (page: Page) => page.getByRole('button', { name: 'Back' });
export const choice = (page: Page, text: string) =>
  panel(page).getByRole('group', { name: 'Choices' }).getByRole('button', { name: text });
