/**
 * The two network lessons (issue 12 point 4) played through in the browser: every stop shows
 * exactly the events up to its position (step number, clock, event log and the whole table, as
 * ./lessonSteps checks), each question answered, its reveal read, and the end offers the scenario
 * in Simulate.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './helpers';
import { at, choice, cont, lessonOf, panel } from './lessonSteps';

/** Walk a lesson: Continue through beats; at each question pick `answers[k]` and check the verdict. */
async function playThrough(page: Page, id: string, answers: { pick: string; right: boolean }[], shot: string) {
  const c = lessonOf(id);
  await openFresh(page, `#lesson=${id}`);
  let q = 0;
  for (let step = 0; step < c.lesson.steps.length; step++) {
    const s = c.lesson.steps[step]!;
    if ('ask' in s) {
      await at(page, c, step, 'ask');
      await expect(panel(page)).toContainText(s.ask);
      await expect(cont(page)).toBeDisabled();
      const a = answers[q++]!;
      await choice(page, a.pick).click();
      await cont(page).click();
      await at(page, c, step, 'reveal');
      const verdict = panel(page).getByRole('status', { name: 'Answer' });
      await expect(verdict).toContainText(a.right ? 'Right.' : `Not quite. The answer is: ${s.choices[s.answer]}`);
      await expect(verdict).toContainText(s.why.slice(0, 40));
      if (q === 1) {
        for (const [w, h] of [
          [1024, 768],
          [1440, 900],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.screenshot({ path: `/tmp/${shot}-reveal-${w}.png` });
        }
        await page.setViewportSize({ width: 1600, height: 1000 });
      }
    } else {
      await at(page, c, step, 'beat');
      await expect(panel(page)).toContainText(s.say.slice(0, 40));
    }
    if (step < c.lesson.steps.length - 1) await page.keyboard.press('ArrowRight');
  }
  await expect(cont(page)).toBeDisabled();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `/tmp/${shot}-end-1024.png` });
  await page.getByRole('button', { name: 'Open in Simulate' }).click();
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toHaveText(c.scenario.name);
  return c;
}

test.describe('Network lessons', () => {
  test.describe.configure({ timeout: 120_000 });

  test('L13 The 2–2 split: the vote arithmetic picks a side, then the witness does', async ({ page }) => {
    const c = await playThrough(
      page,
      'L13',
      [
        { pick: 'Both rooms stop: two against two has no winner', right: false },
        { pick: 'Room B: it reaches the witness', right: true },
      ],
      'lesson-L13',
    );
    // The reveals are the engine's regroups: room A won the first, room B the second.
    const regroups = c.events.filter((e) => e.type === 'regroup');
    expect(regroups.map((e) => (e as { survivors: string[] }).survivors)).toEqual([
      ['N1', 'N2'],
      ['N3', 'N4'],
    ]);
  });

  test('L14 Two sites, one role: same site first, then the other subnet', async ({ page }) => {
    await playThrough(
      page,
      'L14',
      [
        { pick: "N2, N1's partner in Seattle", right: true },
        { pick: "At 110 s, like N1's", right: false },
        { pick: 'IP-NYC; IP-SEA stays Offline', right: true },
      ],
      'lesson-L14',
    );
  });
});
