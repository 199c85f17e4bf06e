import { expect, test, type Page } from '@playwright/test';
import { createSimulation } from '../src/engine';
import type { TraceEvent } from '../src/engine';
import { formatClock, formatSimTime } from '../src/store/format';
import { BUILTIN_LESSONS } from '../src/lesson/builtins';
import { validateLesson, type CheckedLesson } from '../src/lesson/validate';
import LZString from 'lz-string';
import { readFileSync } from 'node:fs';
import { openFresh, seek, shareHash } from './helpers';

const lessonOf = (id: string): CheckedLesson => {
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
function expectedTable(c: CheckedLesson, p: number): Record<string, [string, string]> {
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

async function tableOnScreen(page: Page) {
  const rows = await page
    .getByRole('table', { name: 'Cluster state' })
    .getByRole('row')
    .evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return Object.fromEntries(rows.map(([name, kind, state, owner]) => [`${kind}:${name}`, [state, owner]]));
}

const panel = (page: Page) => page.getByRole('region', { name: 'Lesson' });

/** Wait until the player rests at `stop` ("5:ask"), then check the screen shows exactly events 0..p. */
async function expectStop(page: Page, c: CheckedLesson, stop: string, p: number, clock: number) {
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
    expect(text.startsWith(`t=${formatClock(c.events[i].t)} · ${c.events[i].type}`)).toBe(true),
  );
  expect(texts.some((t) => t.includes('(ahead)'))).toBe(false);
}

const stopOf = (c: CheckedLesson, step: number, phase: 'beat' | 'ask' | 'reveal') => {
  const pos = c.positions[step];
  if (phase === 'reveal' && pos.kind === 'question') return { p: pos.reveal, clock: pos.revealT };
  return { p: pos.at, clock: pos.t };
};

async function at(page: Page, c: CheckedLesson, step: number, phase: 'beat' | 'ask' | 'reveal') {
  const { p, clock } = stopOf(c, step, phase);
  await expectStop(page, c, `${step}:${phase}`, p, clock);
}

const cont = (page: Page) => page.getByRole('button', { name: 'Continue' });
const back = (page: Page) => page.getByRole('button', { name: 'Back' });
const choice = (page: Page, text: string) =>
  panel(page).getByRole('group', { name: 'Choices' }).getByRole('button', { name: text });

test.describe('Lessons', () => {
  // Each stop checks the whole table and log; a lesson walked end to end takes a while on a busy machine.
  test.describe.configure({ timeout: 120_000 });
  test('L05 from start to end: Continue, Back, the clicker keys, one answer wrong and one right', async ({ page }) => {
    const c = lessonOf('L05');
    await openFresh(page, '#lesson=L05');
    await at(page, c, 0, 'beat');
    await expect(back(page)).toBeDisabled();
    // The rig's future faults are not on screen: no script marks, no upcoming list.
    await expect(page.locator('.scrub-mark')).toHaveCount(5);
    await expect(page.locator('.scrub-marks')).toBeHidden();
    await expect(page.locator('.timeline-marks')).toBeHidden();
    await expect(page.getByRole('button', { name: /Script & branches/ })).toBeHidden();
    await cont(page).click();
    await at(page, c, 1, 'beat');
    await page.keyboard.press('ArrowRight');
    await at(page, c, 2, 'beat');
    await page.keyboard.press('PageDown');
    await at(page, c, 3, 'beat');
    await page.keyboard.press('Space');
    await at(page, c, 4, 'beat');
    await cont(page).click();
    // The question pauses between two events of one instant (t = 240 s): the failure is not shown yet.
    await at(page, c, 5, 'ask');
    await expect(cont(page)).toBeDisabled();
    await page.keyboard.press('ArrowRight'); // nothing chosen: Continue does nothing
    await at(page, c, 5, 'ask');
    await choice(page, 'It restarts on N2').click();
    await expect(choice(page, 'It restarts on N2')).toHaveAttribute('aria-pressed', 'true');
    await cont(page).click();
    await at(page, c, 5, 'reveal');
    const answer = panel(page).getByRole('status', { name: 'Answer' });
    await expect(answer).toContainText('Not quite. The answer is: Nowhere: it stays Failed on N2');
    await expect(answer).toContainText('one failover already started at 120 s');
    await page.screenshot({ path: '/tmp/lesson-L05-reveal-1440.png' });
    // Back from a reveal: the same question at its pause, unanswered.
    await back(page).click();
    await at(page, c, 5, 'ask');
    await expect(choice(page, 'It restarts on N2')).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('ArrowLeft');
    await at(page, c, 4, 'beat');
    await page.keyboard.press('PageUp');
    await at(page, c, 3, 'beat');
    await cont(page).click();
    await at(page, c, 4, 'beat');
    await cont(page).click();
    await at(page, c, 5, 'ask');
    await choice(page, 'Nowhere: it stays Failed on N2').click();
    await cont(page).click();
    await at(page, c, 5, 'reveal');
    await expect(panel(page).getByRole('status', { name: 'Answer' })).toContainText('Right.');
    await cont(page).click();
    await at(page, c, 6, 'beat');
    await cont(page).click();
    await at(page, c, 7, 'ask');
    await choice(page, 'Allowed, and it costs nothing').click();
    await cont(page).click();
    await at(page, c, 7, 'reveal');
    await cont(page).click();
    await at(page, c, 8, 'beat');
    await expect(cont(page)).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Open in Simulate' })).toBeVisible();
    // Back from a later step to a question: at its pause, unanswered.
    await back(page).click();
    await at(page, c, 7, 'ask');
    await expect(choice(page, 'Allowed, and it costs nothing')).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('ArrowRight'); // still nothing chosen
    await at(page, c, 7, 'ask');
    await expect(cont(page)).toBeDisabled();
    await choice(page, 'Refused: the budget is spent').click();
    await cont(page).click();
    await at(page, c, 7, 'reveal');
    await cont(page).click();
    await at(page, c, 8, 'beat');
    // The end offers the lesson's scenario in Simulate, from t = 0.
    await page.getByRole('button', { name: 'Open in Simulate' }).click();
    await expect(panel(page)).toHaveCount(0);
    await expect(page.getByTestId('scenario-name')).toHaveText('L5 The failover budget');
    await expect(page.getByLabel('Simulated time')).toHaveText('t = 0.000 s');
    await expect(page.locator('.scrub-marks')).toBeVisible();
    await expect(page.getByRole('button', { name: /Script & branches/ })).toBeVisible();
  });

  test('L02 from start to end: one answer right, one wrong, Back and the keyboard', async ({ page }) => {
    const c = lessonOf('L02');
    await openFresh(page, '#lesson=L02');
    await at(page, c, 0, 'beat');
    for (const [step, key] of [
      [1, 'PageDown'],
      [2, 'ArrowRight'],
      [3, 'Space'],
      [4, 'PageDown'],
    ] as const) {
      await page.keyboard.press(key);
      await at(page, c, step, 'beat');
    }
    await cont(page).click();
    await at(page, c, 5, 'ask');
    await choice(page, 'Front at 42 s, API at 62 s').click();
    await page.keyboard.press('PageDown');
    await at(page, c, 5, 'reveal');
    await expect(panel(page).getByRole('status', { name: 'Answer' })).toContainText('Right.');
    await cont(page).click();
    await at(page, c, 6, 'beat');
    await page.keyboard.press('PageUp');
    await at(page, c, 5, 'ask');
    await expect(choice(page, 'Front at 42 s, API at 62 s')).toHaveAttribute('aria-pressed', 'false');
    await choice(page, 'Front at 42 s, API at 62 s').click();
    await cont(page).click();
    await at(page, c, 5, 'reveal');
    await cont(page).click();
    await at(page, c, 6, 'beat');
    await cont(page).click();
    await at(page, c, 7, 'ask');
    await choice(page, 'At 400 s, DeadlockTimeout after the fault').click();
    await cont(page).click();
    await at(page, c, 7, 'reveal');
    await expect(panel(page).getByRole('status', { name: 'Answer' })).toContainText(
      'Not quite. The answer is: At 421 s, DeadlockTimeout after the hung call started',
    );
    await cont(page).click();
    await at(page, c, 8, 'beat');
    await expect(cont(page)).toBeDisabled();

    // Progress is kept in the browser and shown in the lesson list.
    await page.getByRole('button', { name: 'Close lesson' }).click();
    await page.getByRole('button', { name: /Lessons/ }).click();
    await expect(page.getByTestId('progress-L02')).toHaveText('✓ Finished · 1 of 2 questions right');
    await expect(page.getByTestId('progress-L05')).toHaveText('Not started');
  });

  test('a custom lesson opened by a #lesson= link', async ({ page }) => {
    const lesson = {
      format: 'failover-scenario@1',
      name: 'Custom <b>lesson</b>',
      until: 60_000,
      nodes: [{ name: 'A' }, { name: 'B' }],
      groups: [{ name: 'Web', ownerNode: 'A', resources: [{ name: 'Web App', type: 'Generic Service' }] }],
      script: [{ at: 20_000, action: 'crashNode', node: 'A' }],
      ui: {
        lesson: {
          id: 'custom-1',
          title: 'A **custom** <i>lesson</i>',
          steps: [
            { on: 'start', say: 'Watch `Web` come online.', focus: ['Web'] },
            { on: { type: 'group.state', group: 'Web', to: 'Online' }, say: 'Web is **Online** on A.' },
            { on: { at: 25_000 }, say: 'A crashed at 20 s; nobody has noticed yet.', focus: ['A'] },
          ],
        },
      },
    };
    const r = validateLesson(lesson);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const c = r.value;
    await openFresh(page, `#lesson=${LZString.compressToEncodedURIComponent(JSON.stringify(lesson))}`);
    await at(page, c, 0, 'beat');
    // Text, not markup; **bold** and `code` as emphasis.
    await expect(panel(page)).toContainText('custom-1 · A **custom** <i>lesson</i>');
    await expect(panel(page).locator('code')).toHaveText('Web');
    await expect(page.getByTestId('scenario-name')).toHaveText('Custom <b>lesson</b>');
    await cont(page).click();
    await at(page, c, 1, 'beat');
    await expect(panel(page).locator('strong')).toHaveText('Online');
    await cont(page).click();
    await at(page, c, 2, 'beat');
    await expect(page.locator('.react-flow__node[data-id="node:A"] > *')).toHaveCSS('box-shadow', /245, 158, 11/);
    // The address bar no longer carries the link (a reload restores the session instead).
    expect(new URL(page.url()).hash).toBe('');
  });

  test('an invalid lesson link names the place and keeps what was open', async ({ page }) => {
    const bad = JSON.parse(JSON.stringify(BUILTIN_LESSONS.find((b) => b.id === 'L05')!.source));
    bad.ui.lesson.steps[5].revealOn = { type: 'policy', rule: 'QuorumLost' };
    await openFresh(page, '#lesson=L05');
    await cont(page).click();
    const c = lessonOf('L05');
    await at(page, c, 1, 'beat');
    await page.evaluate(
      (h) => (location.hash = h),
      `#lesson=${LZString.compressToEncodedURIComponent(JSON.stringify(bad))}`,
    );
    const alert = page.getByRole('alert', { name: 'Scenario not loaded' });
    await expect(alert).toContainText('Could not load the lesson link; the current scenario is kept.');
    await expect(alert).toContainText(
      'ui.lesson.steps[5].revealOn: no event matches {"type":"policy","rule":"QuorumLost"} after t=240.000 s',
    );
    // The lesson that was open is still there, exactly where it was.
    await at(page, c, 1, 'beat');
    await page.evaluate(() => (location.hash = '#lesson=L99'));
    await expect(alert).toContainText('no built-in lesson is named "L99"');
    await at(page, c, 1, 'beat');
  });

  test('an invalid lesson link at startup opens the default scenario, with the reason', async ({ page }) => {
    await openFresh(page, '#lesson=L99');
    await expect(page.getByRole('alert', { name: 'Scenario not loaded' })).toContainText(
      'no built-in lesson is named "L99"',
    );
    await expect(page.getByTestId('scenario-name')).toHaveText('SQL Server failover cluster instance on three nodes');
    await expect(panel(page)).toHaveCount(0);
  });

  test('L09: Continue reaches the next step in under 3 s, across the two-hour wait too', async ({ page }) => {
    const c = lessonOf('L09');
    await openFresh(page, '#lesson=L09');
    await at(page, c, 0, 'beat');
    const timed = async (go: () => Promise<void>, stop: string) => {
      const t0 = Date.now();
      await go();
      await expect(panel(page)).toHaveAttribute('data-stop', stop, { timeout: 3000 });
      await expect(panel(page)).toHaveAttribute('aria-busy', 'false', { timeout: 3000 });
      return Date.now() - t0;
    };
    const first = await timed(() => cont(page).click(), '1:beat');
    const second = await timed(() => cont(page).click(), '2:ask');
    await choice(page, 'At 23:00, when the failback window opens').click();
    const wait = await timed(() => cont(page).click(), '2:reveal');
    await at(page, c, 2, 'reveal');
    await expect(page.getByLabel('Cluster local time')).toHaveText('local 23:00:00');
    console.log(`L09 Continue wall times: ${first} ms, ${second} ms, two-hour wait ${wait} ms`);
    for (const ms of [first, second, wait]) expect(ms).toBeLessThan(3000);
  });

  test('recording a three-step lesson with a question, exporting it, reopening it from its link and playing it', async ({
    page,
  }) => {
    const scenario = {
      format: 'failover-scenario@1',
      name: 'Three web servers',
      until: 120_000,
      nodes: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
      groups: [
        {
          name: 'Web',
          ownerNode: 'A',
          preferredOwners: ['A', 'B'],
          resources: [{ name: 'Web App', type: 'Generic Service' }],
        },
      ],
    };
    await openFresh(page, shareHash(scenario));
    await page.getByRole('button', { name: /Record a lesson/ }).click();
    const rec = page.getByRole('region', { name: 'Lesson recorder' });
    await rec.getByLabel('Lesson id').fill('rec-1');
    await rec.getByLabel('Lesson title').fill('When A crashes');

    await rec.getByRole('button', { name: 'Narrate here' }).click();
    await expect(rec.getByLabel('Trigger of step 1')).toHaveValue('start');
    await rec.getByLabel('Narration of step 1').fill('Web runs on A. Press Continue.');

    await seek(page, 10_000);
    await page.locator('.react-flow__node[data-id="node:A"] .region-head').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for node A' }).getByRole('menuitem', { name: 'Crash node' }).click();
    await rec.getByRole('button', { name: 'Ask a question here' }).click();
    await expect(rec.getByLabel('Trigger of step 2')).toHaveValue(
      '{"type":"action","t":10000,"action":{"action":"crashNode","node":"A"}}',
    );
    await rec.getByLabel('Question of step 2').fill('A has crashed. Where does Web run next?');
    await rec.getByLabel('Choices of step 2').fill('Nowhere\nOn B');
    await rec.getByLabel('Right answer of step 2').selectOption('On B');
    await rec.getByLabel('Why of step 2').fill('B is the next preferred owner.');
    await seek(page, 30_000);
    await rec.getByRole('button', { name: 'Reveal at the event on screen' }).click();
    await expect(rec.getByLabel('Reveal event of step 2')).toHaveValue(/"t":2\d{4}/);

    await seek(page, 40_000);
    await rec.getByRole('button', { name: 'Narrate at this time' }).click();
    await expect(rec.getByLabel('Trigger of step 3')).toHaveValue('{"at":40000}');
    await rec.getByLabel('Narration of step 3').fill('Web stays on B.');
    // Reorder and delete: a fourth step moved up, then deleted.
    await rec.getByRole('button', { name: 'Narrate at this time' }).click();
    await rec.getByLabel('Narration of step 4').fill('Spare');
    await rec.getByRole('button', { name: 'Move step 4 up' }).click();
    await expect(rec.getByLabel('Narration of step 3')).toHaveValue('Spare');
    await expect(rec.getByLabel('Narration of step 4')).toHaveValue('Web stays on B.');
    await rec.getByRole('button', { name: 'Delete step 3' }).click();
    await expect(rec.getByLabel('Narration of step 3')).toHaveValue('Web stays on B.');
    await expect(rec.getByLabel('Narration of step 4')).toHaveCount(0);

    // Preview in the player, then back to the recording.
    await rec.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('lesson-step')).toHaveText('1 / 3');
    await page.getByRole('button', { name: 'Close lesson' }).click();
    await expect(rec.getByLabel('Narration of step 3')).toHaveValue('Web stays on B.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rec.getByRole('button', { name: 'Export lesson file' }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(download.suggestedFilename()).toBe('rec-1.json');
    // The fault injected while recording is the lesson's script.
    expect(file.script).toEqual([{ at: 10_000, action: 'crashNode', node: 'A' }]);
    expect(file.ui.lesson.steps).toHaveLength(3);
    const r = validateLesson(file);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const c = r.value;

    await rec.getByRole('button', { name: 'Copy lesson link' }).click();
    const link = await rec.getByLabel('Lesson link').inputValue();
    expect(link).toMatch(/#lesson=/);
    await page.goto('about:blank');
    await page.goto(link);
    await at(page, c, 0, 'beat');
    await expect(panel(page)).toContainText('When A crashes');
    await cont(page).click();
    await at(page, c, 1, 'ask');
    await choice(page, 'On B').click();
    await cont(page).click();
    await at(page, c, 1, 'reveal');
    await expect(panel(page).getByRole('status', { name: 'Answer' })).toContainText('Right.');
    await cont(page).click();
    await at(page, c, 2, 'beat');
    await expect(panel(page)).toContainText('Web stays on B.');
    // The recording was saved in IndexedDB: it is in the lesson list, playable and editable.
    await page.getByRole('button', { name: 'Close lesson' }).click();
    await page.getByRole('button', { name: 'Lessons…' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: 'Play When A crashes' }).click();
    await at(page, c, 0, 'beat');
  });

  test('acting on the cluster leaves the lesson for the playground; Return brings the stop back', async ({ page }) => {
    const c = lessonOf('L06');
    await openFresh(page, '#lesson=L06');
    await cont(page).click();
    await at(page, c, 1, 'beat');
    await page.locator('.react-flow__node[data-id="node:N2"] .region-head').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for node N2' }).getByRole('menuitem', { name: 'Crash node' }).click();
    await expect(panel(page)).toContainText('You applied crashNode (N2) at t = 7 s: you left the lesson');
    await expect(page.getByRole('list', { name: 'Trace events' }).getByRole('listitem').last()).toContainText('crash');
    await page.getByRole('button', { name: 'Return to the lesson' }).click();
    await at(page, c, 1, 'beat');
    await cont(page).click();
    await at(page, c, 2, 'ask');
    await page.getByRole('button', { name: /Play/ }).first().click();
    await expect(panel(page)).toContainText('You pressed Play at t = 60 s');
    await page.getByRole('button', { name: 'Close lesson' }).click();
    await expect(panel(page)).toHaveCount(0);
  });

  test('the lesson list, a lesson file through "Open scenario…", and keys in a text field', async ({ page }) => {
    await openFresh(page);
    await page.getByRole('button', { name: 'Lessons…' }).click();
    const list = page.getByRole('dialog', { name: 'Lessons' });
    await expect(list.getByRole('listitem')).toHaveCount(14);
    await expect(list.getByRole('listitem', { name: 'L03 Pending timeout and Terminate' })).toContainText(
      '9 steps · 2 questions',
    );
    await list.getByRole('button', { name: 'Start L03 Pending timeout and Terminate' }).click();
    await at(page, lessonOf('L03'), 0, 'beat');
    await page.getByRole('button', { name: 'Close lesson' }).click();
    await page.getByRole('button', { name: 'Lessons…' }).click();
    await page.getByLabel('Lesson file').setInputFiles({
      name: 'l04.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(BUILTIN_LESSONS.find((b) => b.id === 'L04')!.source)),
    });
    await at(page, lessonOf('L04'), 0, 'beat');

    const l06 = BUILTIN_LESSONS.find((b) => b.id === 'L06')!;
    await page.getByLabel('Scenario file').setInputFiles({
      name: 'l06.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(l06.source)),
    });
    const c = lessonOf('L06');
    await at(page, c, 0, 'beat');
    // In a text field the keys are the field's own.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByLabel('Share link').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await at(page, c, 0, 'beat');
    await panel(page).getByText('Three nodes;').click();
    await page.keyboard.press('ArrowRight');
    await at(page, c, 1, 'beat');
  });

  test('a reload mid-lesson comes back to the same stop', async ({ page }) => {
    const c = lessonOf('L12');
    await openFresh(page, '#lesson=L12');
    await cont(page).click();
    await at(page, c, 1, 'beat');
    await cont(page).click();
    await at(page, c, 2, 'beat');
    await page.reload();
    await at(page, c, 2, 'beat');
    await back(page).click();
    await at(page, c, 1, 'beat');
  });
});
