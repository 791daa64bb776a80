// Lecture features: links reproduce the view, figures export (and match the CLI's), the
// displacement animation plays, themes and text sizes apply, the link can be copied.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const cli = join(root, 'target', 'debug', 'osteoviz');

test.beforeAll(() => {
  test.setTimeout(240_000);
  execFileSync('cargo', ['build', '--quiet', '--bin', 'osteoviz'], { cwd: root, stdio: 'inherit' });
});

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

async function readouts(page: Page): Promise<Record<string, string>> {
  return page.$$eval('output[data-outcome]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-outcome')!, e.getAttribute('data-value')!])));
}

/** The numbers of an SVG text, and the text with each number replaced by `#`. */
function shapes(svg: string): { skeleton: string; numbers: number[] } {
  const numbers: number[] = [];
  const skeleton = svg.replace(/-?\d+(\.\d+)?/g, (m) => { numbers.push(Number(m)); return '#'; });
  return { skeleton, numbers };
}

const FULL = 'preset=dmmo&ray=3&cut=52.5&ref=shaft&at=24&kerf=3.1&close=2.4&slide=-1.25&tilt=2&decl=13&len=68&mu=0.6&pull=0.3';

test('a link with a full query reproduces the same readouts as the CLI, and a reload the same view', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./?${FULL}`);
  await expect(page.locator('svg.scene')).toBeVisible();
  const shown = await readouts(page);
  // Every readout says what it measures (its title: the drawing's tooltip for its symbols).
  await expect(page.locator('.readouts-section dt[title]')).toHaveCount(24);
  const expected = JSON.parse(execFileSync(cli, ['eval', FULL]).toString());
  for (const [key, value] of Object.entries(shown)) {
    if (key === 'verdict') expect(value).toBe(expected.verdict);
    else if (key.startsWith('settled.')) expect(Math.abs(Number(value) - expected.settled[key.slice(8)]), key).toBeLessThan(1e-9);
    else expect(Math.abs(Number(value) - expected[key]), key).toBeLessThan(1e-9);
  }
  // The page rewrote its URL to the canonical query, which reproduces the same view.
  await expect.poll(() => page.evaluate(() => location.search)).toBe(`?${expected.query}`);
  await page.reload();
  await expect(page.locator('svg.scene')).toBeVisible();
  expect(await readouts(page)).toEqual(shown);
  expect(errors).toEqual([]);
});

test('the exported SVG is the CLI drawing, and the PNG has the chosen size', async ({ page }) => {
  const errors = watchErrors(page);
  const query = 'preset=weil&slide=-7';
  await page.goto(`./?${query}`);
  await expect(page.locator('svg.scene')).toBeVisible();
  await page.locator('details.export summary').click();

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[name=export-svg]').click(),
  ]);
  // Named after the state, as its canonical query is (preset=weil&ray=2&slide=-7).
  expect(svgDownload.suggestedFilename()).toBe('osteoviz-m2-weil-slide--7.svg');
  const pageSvg = readFileSync((await svgDownload.path())!, 'utf8');
  // It parses as SVG and holds the drawing (parsed in a blank page: the app's own
  // Content-Security-Policy has nothing to say about a file the user downloaded).
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      root: doc.documentElement.tagName,
      fragments: doc.querySelectorAll('.fragment-head, .fragment-proximal').length,
      cut: doc.querySelectorAll('.cut-line').length,
      handles: doc.querySelectorAll('[data-handle]').length,
    };
  }, pageSvg);
  await blank.close();
  expect(parsed).toEqual({ error: false, root: 'svg', fragments: 2, cut: 2, handles: 0 });

  // The CLI draws the same shapes for the same query (numbers within 0.01 mm: the browser's
  // and the system's sin/cos may differ in the last bit).
  const dir = mkdtempSync(join(tmpdir(), 'osteoviz-'));
  execFileSync(cli, ['render', query, '-o', join(dir, 'cli.svg')]);
  const cliSvg = readFileSync(join(dir, 'cli.svg'), 'utf8');
  const a = shapes(pageSvg), b = shapes(cliSvg);
  expect(a.skeleton).toBe(b.skeleton);
  expect(a.numbers.length).toBe(b.numbers.length);
  const worst = Math.max(...a.numbers.map((n, i) => Math.abs(n - b.numbers[i])));
  expect(worst).toBeLessThanOrEqual(0.011);

  // PNG at a chosen size, transparent.
  await page.locator('input[name=export-width]').fill('800');
  await page.locator('input[name=export-width]').press('Enter');
  await page.locator('input[name=export-height]').fill('450');
  await page.locator('input[name=export-height]').press('Enter');
  await page.locator('input[name=export-transparent]').check();
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[name=export-png]').click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('osteoviz-m2-weil-slide--7.png');
  const png = readFileSync((await pngDownload.path())!);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.readUInt32BE(16)).toBe(800);
  expect(png.readUInt32BE(20)).toBe(450);
  expect(errors).toEqual([]);
});

/** Where the head fragment is drawn: its outline and the transform that moves it. */
async function headPath(page: Page): Promise<string> {
  const head = page.locator('svg.scene g.head-fragment');
  return `${await head.getAttribute('transform')} ${await head.locator('path.fragment-head').getAttribute('d')}`;
}

test('play=1 animates the displacement from before the motion to the current state', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?preset=dmmo&slide=-4&play=1');
  await expect(page.locator('main.playing')).toBeVisible();
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    seen.add(await headPath(page));
    await page.waitForTimeout(120);
  }
  expect(seen.size).toBeGreaterThan(4);
  // Stop: the drawing shows the current state again, the URL keeps play=1 for the slide.
  await page.locator('button[name=play]').click();
  await expect(page.locator('main.playing')).toHaveCount(0);
  const stopped = await readouts(page);
  const expected = JSON.parse(execFileSync(cli, ['eval', 'preset=dmmo&slide=-4']).toString());
  expect(Math.abs(Number(stopped.axial_shortening_mm) - expected.axial_shortening_mm)).toBeLessThan(1e-9);
  expect(errors).toEqual([]);
});

test('Play and "Put weight on it" do not move the drawing (no layout shift), in each language', async ({ browser }) => {
  for (const [lang, width, height] of [['en', 1366, 768], ['fr', 1280, 720], ['es', 1920, 1080], ['fr', 390, 844]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors = watchErrors(page);
    await page.goto(`./?preset=dmmo&slide=-4&lang=${lang}`);
    const drawing = page.locator('main#app svg.scene').first();
    await expect(drawing).toBeVisible();
    const before = await drawing.boundingBox();
    for (const name of ['play', 'weight']) {
      const button = page.locator(`button[name=${name}]`);
      const width0 = (await button.boundingBox())!.width;
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      expect(await drawing.boundingBox(), `${lang} ${width}×${height}: ${name} pressed`).toEqual(before);
      expect((await button.boundingBox())!.width, `${lang}: the ${name} button keeps its width`).toBeCloseTo(width0, 1);
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'false');
    }
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('with reduced motion the animation jumps between the two positions', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('./?preset=dmmo&slide=-4&play=1');
  await expect(page.locator('main.playing')).toBeVisible();
  const seen = new Set<string>();
  for (let i = 0; i < 25; i++) {
    seen.add(await headPath(page));
    await page.waitForTimeout(100);
  }
  expect(seen.size).toBe(2);
  await context.close();
});

test('themes, text size, copy link and fullscreen', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('./?preset=vertical&theme=projector&scale=1.5');
  await expect(page.locator('main#app.theme-projector.scale-150')).toBeVisible();
  await expect(page.locator('svg.scene.theme-projector')).toBeVisible();
  // The label size follows the text scale.
  const size = await page.locator('svg.scene text.verdict-text').evaluate((e) => getComputedStyle(e).fontSize);
  expect(parseFloat(size)).toBeGreaterThan(3.6);
  await page.locator('select[name=theme]').selectOption('dark');
  await expect(page.locator('main#app.theme-dark')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.search)).toContain('theme=dark');

  await page.locator('button[name=copy-link]').click();
  await expect(page.locator('.lecture-bar .status')).toContainText('copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.evaluate(() => location.href));

  await page.locator('button[name=fullscreen]').click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('app');
  // Fullscreen shows the figure, not the app: no bar, controls or readouts, the drawing larger.
  await expect(page.locator('svg.scene').first()).toBeVisible();
  for (const hidden of ['.lecture-bar', '.app-header', '.controls', '.readouts-section', '#summary']) {
    await expect(page.locator(hidden).first(), `${hidden} in fullscreen`).toBeHidden();
  }
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null);
  await expect(page.locator('.lecture-bar')).toBeVisible();
  // Embedded with its controls: fullscreen keeps the listed controls under the figure.
  await page.goto('./?preset=dmmo&embed=1&controls=cut,at');
  await expect(page.locator('svg.scene').first()).toBeVisible();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('app');
  await expect(page.locator('input[type=range][name=cut]')).toBeVisible();
  await expect(page.locator('input[type=range][name=at]')).toBeVisible();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null);
  expect(errors).toEqual([]);
  await context.close();
});

test('the embed panel builds an iframe snippet that opens the same state in embed mode, with a preview', async ({ page }) => {
  const errors = watchErrors(page);
  const query = 'preset=vertical&ray=3&slide=1.5';
  await page.goto(`./?${query}&theme=projector&lang=fr`);
  // The single-ray page links to the whole app for the panel (panel=embed), which opens it.
  await page.locator('a.embed-link').click();
  await expect(page).toHaveURL(/panel=embed/);
  await expect(page.locator('details.embed')).toHaveAttribute('open');
  await page.locator('input[name=embed-control-at]').check();
  await page.locator('select[name=embed-size]').selectOption('1');
  const code = await page.locator('textarea[name=embed-code]').inputValue();
  expect(code).toMatch(/^<iframe src="[^"]+" width="960" height="540" style="border:0" title="[^"]+" allow="fullscreen"><\/iframe>$/);
  const src = code.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
  const url = new URL(src);
  expect(url.searchParams.get('embed')).toBe('1');
  expect(url.searchParams.get('controls')).toBe('cut,at');
  expect(url.searchParams.get('theme')).toBe('projector');
  expect(url.searchParams.get('lang')).toBe('fr');
  // The preview shows the slide the snippet makes.
  await expect(page.locator('.embed-preview iframe')).toHaveAttribute('src', src);
  const preview = page.frameLocator('.embed-preview iframe');
  await expect(preview.locator('svg.scene')).toBeVisible();

  // The snippet's address opens the same state, embedded, with the chosen controls only.
  await page.goto(src);
  await expect(page.locator('svg.scene')).toBeVisible();
  await expect(page.locator('header')).toHaveCount(0);
  await expect(page.locator('input[type=range][name=cut]')).toBeVisible();
  await expect(page.locator('input[type=range][name=at]')).toBeVisible();
  await expect(page.locator('input[type=range][name=slide]')).toHaveCount(0);
  const out = JSON.parse(execFileSync(cli, ['eval', query], { cwd: root, encoding: 'utf8' }));
  await expect(page.locator('g.verdict')).toHaveAttribute('data-verdict', out.verdict);
  expect(cliQuery(src)).toBe(out.query);
  expect(errors).toEqual([]);
});

/** The state part of a page address, as the CLI writes it (without the view's keys). */
function cliQuery(src: string): string {
  const params = new URL(src).searchParams;
  for (const key of ['theme', 'scale', 'embed', 'controls', 'play', 'lang', 'about']) params.delete(key);
  return decodeURIComponent(params.toString());
}

test('compare=weil on the DMMO page draws two figures on one scale, whose readouts equal osteoviz eval of each', async ({ page }) => {
  const errors = watchErrors(page);
  // The single-ray page links to it (in the whole app), keeping the view.
  await page.goto('./?preset=dmmo&theme=projector');
  await page.locator('a.compare-link').click();
  await expect(page).toHaveURL(/compare=weil/);
  await expect(page).toHaveURL(/theme=projector/);
  await expect(page.locator('svg.scene')).toHaveCount(2);
  const boxes = await page.locator('svg.scene').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('viewBox')));
  expect(boxes[0]).toBe(boxes[1]);
  await expect(page.locator('.compare-figure[data-figure=b] .compare-title')).toHaveText('Weil');
  const eval_ = (query: string) => JSON.parse(execFileSync(cli, ['eval', query], { cwd: root, encoding: 'utf8' }));
  const keys = ['cut_to_shaft_deg', 'head_rise_mm', 'ground_shortening_mm', 'contact_mm', 'declination_after_deg'];
  const expectFigure = async (figure: string, query: string) => {
    const out = eval_(query);
    for (const key of keys) {
      const value = await page.locator(`.compare-table output[data-figure=${figure}][data-outcome=${key}]`).getAttribute('data-value');
      expect(Math.abs(Number(value) - out[key]), `${figure} ${key} vs osteoviz eval '${query}'`).toBeLessThan(1e-9);
    }
    return out;
  };
  const a = await expectFigure('a', 'preset=dmmo');
  const b = await expectFigure('b', 'preset=weil');
  const difference = await page.locator('.compare-table output[data-figure=difference][data-outcome=head_rise_mm]').getAttribute('data-value');
  expect(Math.abs(Number(difference) - (b.head_rise_mm - a.head_rise_mm))).toBeLessThan(1e-9);
  // The first figure is the one the controls change.
  await page.locator('input[type=number][name=slide]').fill('1.5');
  await page.locator('input[type=number][name=slide]').press('Enter');
  await expectFigure('a', 'preset=dmmo&slide=1.5');
  await expectFigure('b', 'preset=weil');
  // Another preset beside it.
  await page.locator('select[name=compare]').selectOption('perpendicular');
  await expect(page).toHaveURL(/compare=perpendicular/);
  await expectFigure('b', 'preset=perpendicular');
  // The CLI draws the same pair in one file: two drawings, each under its title.
  const dir = mkdtempSync(join(tmpdir(), 'osteoviz-'));
  execFileSync(cli, ['render', 'preset=dmmo&compare=weil', '-o', join(dir, 'pair.svg')]);
  const pair = readFileSync(join(dir, 'pair.svg'), 'utf8');
  expect(pair.match(/<svg class="scene theme-light"/g)?.length).toBe(3);
  expect(pair).toContain('>Weil</text>');
  // And back to one figure.
  await page.locator('a.compare-end').click();
  await expect(page.locator('svg.scene')).toHaveCount(1);
  await expect(page).not.toHaveURL(/compare=/);
  // A comparison that names no state: one figure, and a notice that says so.
  await page.goto('./?preset=dmmo&compare=bogus');
  await expect(page.locator('.notice')).toContainText('compare');
  await expect(page.locator('svg.scene')).toHaveCount(1);
  expect(errors).toEqual([]);
});
