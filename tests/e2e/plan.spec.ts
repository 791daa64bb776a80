// The forefoot plan (issue 6): plan presets render, their readouts equal `osteoviz eval`,
// editing M3 in its sagittal view changes the plan views and readouts, the URL the app writes
// reproduces the page, and M2 alone can be shown beside M2 + M3 + M4.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { urlSettled } from './visualiser-helpers';

let root = process.cwd();
let cli = '';

test.beforeAll(({}, testInfo) => {
  testInfo.setTimeout(240_000); // a cold `cargo build`
  root = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
  execFileSync('cargo', ['build', '--quiet', '--bin', 'osteoviz'], { cwd: root, stdio: 'inherit' });
  cli = join(root, 'target', 'debug', 'osteoviz');
});

type Json = Record<string, unknown>;

function evalPlan(query: string): Json {
  return JSON.parse(execFileSync(cli, ['eval', query], { cwd: root, encoding: 'utf8' })) as Json;
}

/** A dotted path (`heads.m3.load_share_after_pct`) into the CLI's JSON. */
function at(json: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], json);
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** Every plan readout on the page: data-outcome → data-value. */
async function planReadouts(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.plan-column-main output[data-outcome], .plan-column-main ~ .plan-details output[data-outcome]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-outcome')!, e.getAttribute('data-value')!])));
}

/** Every yes/no plan metric on the page: data-flag → data-state. */
async function planFlags(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.plan-column-main [data-flag], .plan-column-main ~ .plan-details [data-flag]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-flag')!, e.getAttribute('data-state')!])));
}

/** The sagittal view's readouts (the edited ray). */
async function sagittalReadouts(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.stage output[data-outcome]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-outcome')!, e.getAttribute('data-value')!])));
}

/** The page's plan readouts equal the CLI's JSON for the page's own URL. */
async function expectMatchesCli(page: Page): Promise<Json> {
  await urlSettled(page);
  const query = decodeURIComponent(new URL(page.url()).search.slice(1));
  const json = evalPlan(query);
  expect(json.query, 'the URL is the canonical plan query').toBe(query.replace(/&(theme|scale|lang)=[^&]*/g, ''));
  const shown = await planReadouts(page);
  expect(Object.keys(shown).length).toBeGreaterThanOrEqual(49);
  for (const [key, value] of Object.entries(shown)) {
    const expected = at(json, key);
    expect(typeof expected, `${key} is a number in the CLI JSON`).toBe('number');
    expect(Math.abs(Number(value) - (expected as number)), `${key}: page ${value} vs CLI ${expected}`).toBeLessThan(1e-9);
  }
  const flags = await planFlags(page);
  expect(Object.keys(flags).length).toBeGreaterThanOrEqual(12);
  for (const [key, value] of Object.entries(flags)) {
    expect(typeof at(json, key), `${key} is a yes/no in the CLI JSON`).toBe('boolean');
    expect(value, key).toBe(String(at(json, key)));
  }
  // The sagittal readouts are the edited ray's single-ray outcomes.
  const edited = `m${json.edit}`;
  const sagittal = await sagittalReadouts(page);
  for (const key of ['head_rise_mm', 'ground_shortening_mm', 'cut_to_shaft_deg']) {
    expect(Math.abs(Number(sagittal[key]) - (at(json, `rays.${edited}.${key}`) as number)), key).toBeLessThan(1e-9);
  }
  return json;
}

async function openPlan(page: Page, query: string) {
  await page.goto(`./?${query}`);
  await expect(page.locator('.plan-column-main svg.plan-top')).toBeVisible();
  await expect(page.locator('.plan-column-main svg.plan-arch')).toBeVisible();
  await expect(page.locator('.stage .drawing svg.scene')).toBeVisible();
}

const share = (r: Record<string, string>, head: string, when: 'before' | 'after') =>
  Number(r[`heads.${head}.load_share_${when}_pct`]);

test('the plan presets render, with their warnings, caveat and heuristic, equal to osteoviz eval', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  const expected = {
    m2: { treated: ['2'], warnings: ['m3'] },
    m2m3: { treated: ['2', '3'], warnings: ['m4'] },
    m2m3m4: { treated: ['2', '3', '4'], warnings: [] as string[] },
  };
  for (const [name, want] of Object.entries(expected)) {
    await openPlan(page, `plan=${name}`);
    await expect(page).toHaveURL(new RegExp(`\\?plan=${name}$`));
    await expect(page.locator(`button[data-plan="${name}"]`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('button[data-ray]')).toHaveCount(3);
    await expect(page.locator('button[data-ray="2"]')).toHaveAttribute('aria-pressed', 'true');
    for (const ray of ['2', '3', '4']) {
      await expect(page.locator(`button[data-ray="${ray}"]`)).toHaveClass(
        want.treated.includes(ray) ? /\btreated\b/ : /\buntreated\b/,
      );
    }
    const warnings = page.locator('.plan-column-main ~ .plan-details .plan-warning');
    await expect(warnings).toHaveCount(want.warnings.length);
    for (const head of want.warnings) {
      await expect(page.locator(`.plan-details .plan-warning[data-transfer="${head}"]`)).toContainText('transfer metatarsalgia');
    }
    await expect(page.locator('.plan-caveat')).toContainText('3.2%');
    await expect(page.locator('.plan-caveat')).toContainText('Biz');
    await expect(page.locator('.plan-heads caption')).toContainText('teaching heuristic, not a measurement');
    await expect(page.locator('svg.plan-arch .load-bars')).toHaveAttribute('data-heuristic', 'teaching heuristic, not a measurement');
    await expect(page.locator('.plan-indicators')).toContainText('Barouk');
    await expect(page.locator('.plan-indicators')).toContainText('Maestro');
    const json = await expectMatchesCli(page);
    // Reference numbers: the default parabola and M2-M3 over Barouk's 3 mm before surgery.
    const r = await planReadouts(page);
    expect(Number(r['m2_m3_difference_before_mm'])).toBe(4.44);
    expect((await planFlags(page))['m2_m3_over_threshold_before']).toBe('true');
    expect(Number(r['heads.m4.protrusion_before_mm'])).toBe(-11.17);
    if (name === 'm2') {
      // The robotic cadaver study's direction: M2 loses, M1 and M3 gain.
      expect(share(r, 'm2', 'after')).toBeLessThan(share(r, 'm2', 'before'));
      expect(share(r, 'm1', 'after')).toBeGreaterThan(share(r, 'm1', 'before'));
      expect(share(r, 'm3', 'after')).toBeGreaterThan(share(r, 'm3', 'before'));
    }
    expect(json.plan).toBe(name);
    await page.screenshot({ path: testInfo.outputPath(`plan-${name}-1920x1080.png`), fullPage: false });
  }
  expect(errors).toEqual([]);
});

test('editing M3 in its sagittal view changes the plan views and readouts; the URL reproduces the page', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await openPlan(page, 'plan=m2m3m4');
  const m3Head = page.locator('.plan-column-main svg.plan-top g.ray-m3 > g.bone:not(.ghost-bone) ellipse.bone-head');
  const m3Arch = page.locator('.plan-column-main svg.plan-arch g.ray-m3 > ellipse.bone-head');
  const before = await planReadouts(page);
  const topBefore = await m3Head.getAttribute('cy');
  const archBefore = await m3Arch.getAttribute('cy');

  // Select M3: its sagittal view (M3's 12° declination) and controls.
  await page.locator('button[data-ray="3"]').click();
  await expect(page.locator('button[data-ray="3"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('button[data-ray="2"]')).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(/\?plan=m2m3m4&edit=3$/);
  await expect(page.locator('.stage output[data-outcome="declination_before_deg"]')).toHaveAttribute('data-value', '12');
  await expect(page.locator('svg.plan-top g.ray-m3')).toHaveClass(/\bselected\b/);

  // The cut slider edits M3 only.
  const slider = page.locator('input[type=range][name=cut]');
  await slider.fill('60');
  await expect(page).toHaveURL(/m3\.cut=60/);
  await expect(page.locator('.stage output[data-outcome="cut_to_shaft_deg"]')).toHaveAttribute('data-value', '60');
  await expect.poll(() => m3Head.getAttribute('cy')).not.toBe(topBefore);
  await expect.poll(() => m3Arch.getAttribute('cy')).not.toBe(archBefore);
  const afterCut = await planReadouts(page);
  for (const key of ['heads.m3.protrusion_after_mm', 'heads.m3.head_centre_height_after_mm', 'heads.m3.load_share_after_pct', 'm2_m3_difference_after_mm']) {
    expect(afterCut[key], key).not.toBe(before[key]);
  }
  for (const key of ['heads.m2.head_rise_mm', 'heads.m4.head_rise_mm']) {
    expect(afterCut[key], `${key} unchanged`).toBe(before[key]);
  }
  await expectMatchesCli(page);

  // And the slide (number box, committed with Enter).
  const rise = page.locator('.stage output[data-outcome="head_rise_mm"]');
  const riseBefore = (await rise.getAttribute('data-value'))!;
  const slide = page.locator('input[type=number][name=slide]');
  await slide.fill('-1');
  await slide.press('Enter');
  await expect(page).toHaveURL(/m3\.slide=-1/);
  await expect(rise).not.toHaveAttribute('data-value', riseBefore);
  await expect(page.locator('.plan-column-main output[data-outcome="heads.m3.head_rise_mm"]')).toHaveAttribute('data-value', (await rise.getAttribute('data-value'))!);
  const json = await expectMatchesCli(page);
  expect(json.query).toBe('plan=m2m3m4&edit=3&m3.cut=60&m3.slide=-1');

  // Selecting M2 and back keeps M3's edits; the toolbar's ray select also selects a ray.
  await page.locator('button[data-ray="2"]').click();
  await expect(page.locator('.stage output[data-outcome="declination_before_deg"]')).toHaveAttribute('data-value', '15');
  await page.locator('select[name=ray]').selectOption('3');
  await expect(page.locator('button[data-ray="3"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(slider).toHaveValue('60');
  await expect(page).toHaveURL(/\?plan=m2m3m4&edit=3&m3\.cut=60&m3\.slide=-1$/);

  // Reload the URL the app wrote: the same readouts, the same ray selected.
  const url = page.url();
  const plan = await planReadouts(page);
  const flags = await planFlags(page);
  const sagittal = await sagittalReadouts(page);
  await page.goto(url);
  await expect(page.locator('.plan-column-main svg.plan-top')).toBeVisible();
  await expect(page.locator('button[data-ray="3"]')).toHaveAttribute('aria-pressed', 'true');
  expect(await planReadouts(page)).toEqual(plan);
  expect(await planFlags(page)).toEqual(flags);
  expect(await sagittalReadouts(page)).toEqual(sagittal);
  expect(page.url()).toBe(url);
  await page.screenshot({ path: testInfo.outputPath('plan-m3-edited-1920x1080.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('M2 alone beside M2 + M3 + M4, for a lecture on transfer metatarsalgia', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await openPlan(page, 'plan=m2');
  await page.locator('button[name=side-by-side]').click();
  await expect(page).toHaveURL(/\?plan=m2m3m4&compare=m2$/);
  const compare = page.locator('.plan-column-compare');
  await expect(compare.locator('svg.plan-top')).toBeVisible();
  await expect(compare.locator('svg.plan-arch')).toBeVisible();
  await expect(compare.locator('h3')).toContainText('M2 alone');
  await expect(page.locator('.plan-column-main h3')).toContainText('M2 + M3 + M4');
  // M2 alone warns for M3; the full plan does not.
  await expect(compare.locator('.plan-warning[data-transfer="m3"]')).toBeVisible();
  await expect(page.locator('.plan-column-main ~ .plan-details .plan-warning')).toHaveCount(0);
  await expect(compare.locator('svg.plan-top g.ray-m3')).toHaveClass(/\bat-risk\b/);
  // The compare select shows the choice and reloading keeps it.
  await expect(page.locator('select[name=compare]')).toHaveValue('m2');
  await page.reload();
  await expect(page.locator('.plan-column-compare svg.plan-top')).toBeVisible();
  await page.locator('.plan-panel').screenshot({ path: testInfo.outputPath('plan-compare-m2m3m4-vs-m2.png') });
  await page.screenshot({ path: testInfo.outputPath('plan-compare-1920x1080.png'), fullPage: false });
  // Clicking a head in the drawing selects its ray.
  await page.locator('.plan-column-main svg.plan-top g.ray-m4 ellipse.bone-head').last().click();
  await expect(page.locator('button[data-ray="4"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('select[name=compare]').selectOption('');
  await expect(page.locator('.plan-column-compare')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('single-ray links are untouched, and lead into a plan', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?preset=weil&ray=3');
  await expect(page.locator('.stage .drawing svg.scene')).toBeVisible();
  await expect(page.locator('.plan-panel')).toHaveCount(0);
  await expect(page).toHaveURL(/\?preset=weil&ray=3$/);
  const entry = page.locator('a.plan-entry');
  await expect(entry).toHaveAttribute('href', '?plan=m2m3m4&edit=3&m3.preset=weil');
  await entry.click();
  await expect(page.locator('.plan-column-main svg.plan-top')).toBeVisible();
  await expect(page.locator('button[data-ray="3"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('button[data-preset="weil"]')).toHaveAttribute('aria-pressed', 'true');
  // A lecturer on a projector, in French, stays on a projector in French.
  await page.goto('./?preset=weil&ray=3&theme=projector&lang=fr&scale=1.5');
  await expect(entry).toHaveAttribute('href', '?plan=m2m3m4&edit=3&m3.preset=weil&theme=projector&scale=1.5&lang=fr');
  await entry.click();
  await expect(page.locator('.plan-column-main svg.plan-top')).toBeVisible();
  await expect(page.locator('svg.plan-top')).toHaveClass(/theme-projector/);
  await expect(page.locator('.plan-panel h2').first()).toContainText('Plan de l’avant-pied');
  // A bad plan link is adjusted and says so.
  await page.goto('./?plan=m9&m3.kerf=99&m1.cut=4');
  await expect(page.locator('.plan-panel .notice')).toContainText('m3.kerf=99 is out of range');
  await expect(page.locator('.plan-panel .notice')).toContainText('m1.cut');
  await expect(page).toHaveURL(/\?plan=m2m3m4&m3\.kerf=5$/);
  expect(errors).toEqual([]);
});

// The page boots one of two bundles (scripts/split.mjs): a single-ray page loads the smaller
// bundle without the plan, and neither the whole app nor the plan's stylesheets; a plan page
// (a `plan` key or a per-ray key such as `m3.cut`, as the app itself decides) loads the whole app.
test('a single-ray page downloads nothing of the plan; a plan link boots the whole app', async ({ page }) => {
  const errors = collectErrors(page);
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname.split('/').pop() ?? ''));
  const wasm = () => loaded.filter((f) => f.endsWith('.wasm'));
  await page.goto('./?preset=dmmo&ray=3');
  await expect(page.locator('.stage .drawing svg.scene')).toBeVisible();
  await expect(page.locator('input[name=cut]').first()).toHaveValue('45');
  expect(wasm()).toEqual([expect.stringMatching(/^osteoviz-web-ray-en-[0-9a-f]{16}_bg\.wasm$/)]);
  expect(loaded.filter((f) => /^plan-.*\.css$/.test(f))).toEqual([]);
  // Each interface language boots its own single-ray bundle (the URL's `lang`, as the app reads
  // it: case, `;` and the last valid value), and switching loads the page in the other one.
  for (const [query, lang] of [['?lang=fr', 'fr'], ['?LANG=es-MX', 'es'], ['?lang=xx;lang=fr;lang=zz', 'fr']]) {
    loaded.length = 0;
    await page.goto(`./${query}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    expect(wasm()).toEqual([expect.stringMatching(new RegExp(`^osteoviz-web-ray-${lang}-[0-9a-f]{16}_bg\\.wasm$`))]);
  }
  await page.locator('select[name=lang]').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // (From the cache, perhaps: what the page used, not what it requested. Polled: the page sets
  // its `lang` before the reload in English has replaced it.)
  const used = () =>
    page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? '').filter((f) => f.endsWith('.wasm')),
    );
  await expect.poll(used).toEqual([expect.stringMatching(/^osteoviz-web-ray-en-[0-9a-f]{16}_bg\.wasm$/)]);
  await page.goto('./?preset=dmmo&ray=3');
  await expect(page.locator('input[name=cut]').first()).toHaveValue('45');
  await expect(page.locator('a.plan-entry')).toBeVisible(); // styled by style.css
  for (const query of ['?plan=m2', '?m3.cut=60']) {
    loaded.length = 0;
    await page.goto(`./${query}`);
    await expect(page.locator('.plan-column-main svg.plan-top')).toBeVisible();
    expect(wasm()).toEqual([expect.stringMatching(/^osteoviz-web-[0-9a-f]{16}_bg\.wasm$/)]);
    expect(loaded.filter((f) => /^plan-.*\.css$/.test(f))).toHaveLength(2);
    await expect(page.locator('.plan-panel')).toHaveCSS('border-top-style', 'solid');
  }
  expect(errors).toEqual([]);
});
