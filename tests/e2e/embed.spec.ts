// A real reveal.js deck (the npm package) holds osteoviz in an iframe with embed=1: after a drag
// inside the app, the presenter's PageDown still advances the deck.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const reveal = join(process.cwd(), 'node_modules', 'reveal.js', 'dist');

function deckHtml(src: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>deck</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/deck/reveal.css"></head>
<body><div class="reveal"><div class="slides">
<section id="slide-1"><h2>DMMO</h2>
<iframe id="osteoviz" src="${src}" width="960" height="560" style="border:0"></iframe></section>
<section id="slide-2"><h2>Next slide</h2></section>
<section id="slide-3"><h2>Last slide</h2></section>
</div></div>
<script src="/deck/reveal.js"></script>
<script src="/osteoviz-embed.js"></script>
<script>Reveal.initialize({ hash: false, transition: 'none', embedded: false });</script>
</body></html>`;
}

async function openDeck(page: Page, src: string) {
  await page.route('**/deck/index.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: deckHtml(src) }));
  await page.route('**/deck/reveal.css', (route) =>
    route.fulfill({ contentType: 'text/css', body: readFileSync(join(reveal, 'reveal.css')) }));
  await page.route('**/deck/reveal.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(reveal, 'reveal.js')) }));
  await page.goto('./deck/index.html');
  await page.waitForFunction(() => (window as any).Reveal?.isReady?.());
}

const slideIndex = (page: Page) => page.evaluate(() => (window as any).Reveal.getIndices().h);

test('PageDown advances the deck after a drag inside the embedded app', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await openDeck(page, '/?preset=dmmo&embed=1&controls=cut');
  const app = page.frameLocator('#osteoviz');
  await expect(app.locator('svg.scene')).toBeVisible();
  // Embed mode: the drawing and only the listed control.
  await expect(app.locator('input[type=range][name=cut]')).toBeVisible();
  await expect(app.locator('input[type=range][name=slide]')).toHaveCount(0);
  await expect(app.locator('header')).toHaveCount(0);

  // Drag the head fragment along the cut, inside the iframe.
  const frame = page.frame({ url: /embed=1/ })!;
  const slideBefore = await frame.evaluate(() => location.search);
  const head = app.locator('g.head-fragment path.fragment-head');
  const box = (await head.boundingBox())!;
  const x = box.x + box.width * 0.6, y = box.y + box.height * 0.5;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 20, y + 12, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => frame.evaluate(() => location.search)).not.toBe(slideBefore);
  expect(await frame.evaluate(() => location.search)).toContain('slide=');

  expect(await slideIndex(page)).toBe(0);
  await page.keyboard.press('PageDown');
  await expect.poll(() => slideIndex(page)).toBe(1);
  await page.keyboard.press('PageUp');
  await expect.poll(() => slideIndex(page)).toBe(0);

  // Keys pressed while the app's own control has the focus stay in the app: the arrow steps
  // the slider instead of turning the slide; PageDown still goes to the deck.
  const cut = app.locator('input[type=range][name=cut]');
  await cut.focus();
  await page.keyboard.press('ArrowRight');
  await expect(app.locator('input[type=range][name=cut]')).toHaveValue('45.5');
  expect(await slideIndex(page)).toBe(0);
  await page.keyboard.press('PageDown');
  await expect.poll(() => slideIndex(page)).toBe(1);

  await page.screenshot({ path: testInfo.outputPath('reveal-deck.png') });
  expect(errors).toEqual([]);
});

test('a plain page hears the forwarded keys as keydown events', async ({ page }) => {
  await page.route('**/plain/index.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
<iframe id="osteoviz" src="/?embed=1" width="800" height="500"></iframe>
<script src="/osteoviz-embed.js"></script>
<script>window.keys = []; document.addEventListener('keydown', e => window.keys.push(e.key));</script>
</body></html>` }));
  await page.goto('./plain/index.html');
  const app = page.frameLocator('#osteoviz');
  await expect(app.locator('svg.scene')).toBeVisible();
  await app.locator('svg.scene').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('n');
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.evaluate(() => (window as any).keys)).toEqual(['n', 'PageDown']);
});

// A slide at 1280×720 and a projector at 1920×1080 with large text: the three listed controls
// are all inside the frame, the drawing shrinks to leave them room, and the controls' text grows
// with the text size (rem follows scale= and the projector theme).
for (const [w, h, extra] of [[1280, 720, ''], [1920, 1080, '&theme=projector&scale=2']] as const) {
  test(`an embedded view with three controls shows all three at ${w}×${h}${extra}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`./?preset=dmmo&embed=1&controls=cut,at,slide${extra}`);
    const svg = page.locator('svg.scene');
    await expect(svg).toBeVisible();
    for (const name of ['cut', 'at', 'slide']) {
      const range = page.locator(`input[type=range][name=${name}]`);
      await expect(range).toBeVisible();
      const box = (await range.boundingBox())!;
      expect(box.y + box.height, `${name} slider bottom`).toBeLessThanOrEqual(h);
      expect(box.x + box.width, `${name} slider right`).toBeLessThanOrEqual(w);
    }
    const drawing = (await svg.boundingBox())!;
    expect(drawing.y + drawing.height).toBeLessThanOrEqual(h);
    expect(drawing.height).toBeGreaterThan(h * 0.45);
    // Nothing scrolls: the frame shows all of it.
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(h);
    const labelPx = await page.locator('label[for]').first().evaluate(
      (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(labelPx).toBeGreaterThanOrEqual(extra ? 0.9 * 19 * 2 * 0.9 : 13);
  });
}
