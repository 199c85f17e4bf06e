import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { readFileSync } from 'node:fs';
import { validateLesson } from '../src/lesson/validate';
import { BUILTIN_LESSONS } from '../src/lesson/builtins';
import { openFresh, seek, shareHash } from './helpers';
import { at, back, choice, cont, lessonOf, panel } from './lessonSteps';

test.describe('Lessons: links, recording, the list and the playground', () => {
  // Each stop checks the whole table and log; a lesson walked end to end takes a while on a busy machine.
  test.describe.configure({ timeout: 120_000 });
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
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
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
