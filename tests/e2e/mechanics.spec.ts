// The mechanics a lecturer shows (issue 12): every preset under body weight (`load=1`) agrees
// with `osteoviz eval`; "Put weight on it" animates the head from where it was left to its
// settled pose and back (a jump with reduced motion); the verdict names; the cut-position
// slider with `load=1` shows "the more proximal, the less stable" live. Screenshots of the
// projector theme at 1920×1080 in each language go to target/playwright.
import { test, expect, type Page } from '@playwright/test';
import { PRESETS, buildCli, cliEval, collectErrors, expectMatchesCli, load, overflows, snapshot } from './visualiser-helpers';

test.beforeAll(async ({}, testInfo) => buildCli(testInfo));

const VERDICT_OF: Record<string, string> = {
  dmmo: 'tips_dorsal',
  perpendicular: 'slides_dorsal',
  vertical: 'slides_dorsal',
  reverse: 'separates',
  weil: 'held',
  ocra: 'held',
};

/** The centre of the drawn head (SVG coordinates, mm to 0.01; read at once, even while it moves). */
async function headCentre(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const c = document.querySelector('svg.scene circle.head-centre')!;
    return [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))] as [number, number];
  });
}

for (const name of PRESETS) {
  test(`preset ${name} with load=1: settled readouts equal the CLI, the head is drawn settled`, async ({ page }) => {
    const errors = collectErrors(page);
    const s = await load(page, `preset=${name}&load=1`);
    const out = expectMatchesCli(s, `${name} load=1`);
    expect(s.values.verdict).toBe(VERDICT_OF[name]);
    await expect(page.locator('input[type=checkbox][name=load]')).toBeChecked();
    await expect(page.locator('svg.scene .ghost-as-left')).toHaveCount(1);
    const settled = out.settled as Record<string, number>;
    // The drawn head centre is the as-left one moved by the settled displacement.
    const asLeft = await load(page, `preset=${name}`);
    expect(asLeft.values['settled.displacement_mm']).toBe(s.values['settled.displacement_mm']);
    const before = await headCentre(page);
    await page.locator('input[type=checkbox][name=load]').check();
    await expect(page.locator('svg.scene .ghost-as-left')).toHaveCount(1);
    const after = await headCentre(page);
    // (The drawing writes coordinates to 0.01 mm.)
    expect(Math.abs(after[0] - before[0] - settled.dx_mm)).toBeLessThan(0.011);
    expect(Math.abs(-(after[1] - before[1]) - settled.dy_mm)).toBeLessThan(0.011);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('load=1');
    expect((await overflows(page)).viewBox, `${name}: outside the viewBox`).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('"Put weight on it" animates every preset from as left to settled and back', async ({ page }, testInfo) => {
  testInfo.setTimeout(120_000); // about 5 s of animation per preset
  const errors = collectErrors(page);
  for (const name of PRESETS) {
    await load(page, `preset=${name}`);
    const start = await headCentre(page);
    const settled = cliEval(`preset=${name}&ray=2`).settled as Record<string, number>;
    const button = page.locator('button[name=weight]');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    // Somewhere on the way the head is near its settled pose (the animation holds there).
    let farthest = 0;
    for (let i = 0; i < 40 && (await button.getAttribute('aria-pressed')) === 'true'; i++) {
      const [x, y] = await headCentre(page);
      farthest = Math.max(farthest, Math.hypot(x - start[0], y - start[1]));
      await page.waitForTimeout(100);
    }
    expect(Math.abs(farthest - settled.displacement_mm), `${name}: reached the settled pose`).toBeLessThan(0.05);
    await expect(button).toHaveAttribute('aria-pressed', 'false', { timeout: 8000 });
    const end = await headCentre(page);
    expect(Math.hypot(end[0] - start[0], end[1] - start[1]), `${name}: back where it was left`).toBeLessThan(1e-6);
  }
  expect(errors).toEqual([]);
});

test('with reduced motion the weight animation jumps between the two poses', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await load(page, 'preset=dmmo&at=30');
  const start = await headCentre(page);
  const settled = cliEval('preset=dmmo&ray=2&at=30').settled as Record<string, number>;
  await page.locator('button[name=weight]').click();
  const seen = new Set<string>();
  for (let i = 0; i < 30; i++) {
    const [x, y] = await headCentre(page);
    seen.add(Math.hypot(x - start[0], y - start[1]).toFixed(3));
    await page.waitForTimeout(80);
  }
  for (const d of seen) {
    expect([0, settled.displacement_mm].some((v) => Math.abs(Number(d) - v) < 0.02), `in between: ${d}`).toBe(true);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('with load=1 the cut-position slider shows the head tipping more the more proximal the cut', async ({ page }) => {
  const errors = collectErrors(page);
  await load(page, 'preset=dmmo&load=1');
  let last = { displacement: -1, lever: -1 };
  for (const at of [18, 22, 26, 30, 34, 38]) {
    await page.locator('input[type=number][name=at]').fill(String(at));
    await page.locator('input[type=number][name=at]').press('Enter');
    const expected = cliEval(`preset=dmmo&load=1&at=${at}`).query;
    await expect.poll(() => page.evaluate(() => location.search)).toBe(`?${expected}`);
    const s = await snapshot(page);
    expectMatchesCli(s, `at ${at}`);
    const displacement = Number(s.values['settled.displacement_mm']);
    const lever = Number(s.values.tipping_lever_mm);
    expect(displacement).toBeGreaterThan(last.displacement);
    expect(lever).toBeGreaterThan(last.lever);
    expect(Number(s.values['settled.tilt_deg'])).toBeGreaterThan(0);
    expect(s.values.verdict).toBe('tips_dorsal');
    expect(s.summary).toContain('under body weight the head moves');
    await expect(page.locator('svg.scene .lever-line')).toHaveCount(1);
    last = { displacement, lever };
  }
  expect(errors).toEqual([]);
});

test('an open kerf or a head slid off says what holds the head, not "held"', async ({ page }) => {
  for (const query of ['preset=dmmo&close=0', 'preset=dmmo&slide=15']) {
    const s = await load(page, query);
    expect(s.values.verdict).toBe('no_contact');
    expect(s.summary).toContain('only the soft tissues hold the head');
    expect(s.summary).not.toContain('presses the fragments together');
    await expect(page.locator('svg.scene .verdict-text')).toHaveText('No bone contact');
  }
});

test('the published radiographic shortenings stand beside the readouts', async ({ page }) => {
  await load(page, 'preset=dmmo');
  const marks = page.locator('.published-shortening li');
  await expect(marks).toHaveCount(3);
  await expect(marks.nth(0)).toContainText('2.76\u00a0mm');
  await expect(marks.nth(2)).toContainText('3.6 ± 2.2\u00a0mm');
  await expect(page.locator('.published-shortening')).toContainText('shortening on the ground');
  await load(page, 'preset=dmmo&ray=3');
  await expect(page.locator('.published-shortening li')).toHaveCount(1);
  await expect(page.locator('.published-shortening li')).toContainText('M3');
});

for (const lang of ['en', 'fr', 'es']) {
  test(`projector 1920×1080 under body weight in ${lang}: screenshot, nothing out of its box`, async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    await load(page, `preset=dmmo&at=30&load=1&theme=projector&lang=${lang}`);
    const o = await overflows(page);
    expect(o.viewBox).toEqual([]);
    expect(o.inset).toEqual([]);
    expect(o.verdict).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`load-projector-${lang}.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath(`load-phone-${lang}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}

test('a forefoot plan under body weight shows the settled heads, as osteoviz eval computes them', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await page.goto('./?plan=m2m3m4&load=1');
  await expect(page.locator('.plan-column-main svg.plan-top')).toBeVisible();
  const json = cliEval('plan=m2m3m4&load=1') as unknown as {
    heads: Record<string, Record<string, number>>;
    load_central_cv_settled: number;
    settle_iterations: number;
  };
  for (const head of ['m1', 'm2', 'm3', 'm4', 'm5']) {
    for (const key of ['head_rise_settled_mm', 'load_share_settled_pct']) {
      const value = Number(await page.locator(`output[data-outcome="heads.${head}.${key}"]`).getAttribute('data-value'));
      expect(Math.abs(value - json.heads[head][key]), `${head}.${key}`).toBeLessThan(1e-9);
    }
  }
  const cv = Number(await page.locator('output[data-outcome=load_central_cv_settled]').getAttribute('data-value'));
  expect(Math.abs(cv - json.load_central_cv_settled)).toBeLessThan(1e-9);
  await expect(page.locator('.plan-settled-note')).toContainText(`${json.settle_iterations} rounds`);
  // The sagittal view of the edited ray is under load too, and unticking it unloads the plan.
  await expect(page.locator('input[type=checkbox][name=load]')).toBeChecked();
  await expect(page.locator('svg.scene .ghost-as-left')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('plan-load.png'), fullPage: true });
  await page.locator('input[type=checkbox][name=load]').uncheck();
  await expect.poll(() => page.evaluate(() => location.search)).not.toContain('load=1');
  await expect(page.locator('.plan-settled-note')).toHaveCount(0);
  expect(errors).toEqual([]);
});
