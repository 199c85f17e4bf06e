import { expect, test } from '@playwright/test';
import { openFresh } from './helpers';
import { at, back, choice, cont, lessonOf, panel } from './lessonSteps';

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

  test('L12: the quorum banner counts the votes shown at a stop, also in the middle of an instant', async ({
    page,
  }) => {
    const c = lessonOf('L12');
    await openFresh(page, '#lesson=L12');
    const banner = page.getByTestId('quorum-banner');
    await at(page, c, 0, 'beat');
    await expect(banner).toContainText('3 of 3 votes held, 2 needed');
    // 70 s: N3 is shown Down, dynamic quorum has not yet taken any vote (the next events of the instant).
    await cont(page).click();
    await at(page, c, 1, 'beat');
    await expect(banner).toContainText('2 of 3 votes held, 2 needed');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: '/tmp/lesson-L12-step1-1024.png' });
    // Same instant: N2's vote is shown removed, N3's not yet.
    await cont(page).click();
    await at(page, c, 2, 'beat');
    await expect(banner).toContainText('1 of 2 votes held, 2 needed');
    await cont(page).click();
    await at(page, c, 3, 'ask');
    await expect(banner).toContainText('1 of 1 votes held, 1 needed');
    await choice(page, 'No: the cluster loses quorum at 130 s').click();
    await cont(page).click();
    await at(page, c, 3, 'reveal');
    await expect(banner).toContainText('Quorum LOST');
    await cont(page).click();
    await at(page, c, 4, 'beat');
    await cont(page).click();
    await at(page, c, 5, 'ask');
    await choice(page, 'No, only once N1 is Up as well (215 s)').click();
    await cont(page).click();
    // 215 s: quorum regained is shown; the votes held are those of the nodes shown Up, not the 0 of before.
    await at(page, c, 5, 'reveal');
    await expect(banner).not.toContainText('LOST');
    await expect(banner).toContainText('1 of 1 votes held, 1 needed');
    await page.screenshot({ path: '/tmp/lesson-L12-regained-1024.png' });
  });
});
