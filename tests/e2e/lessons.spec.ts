// Lessons (README "Lessons"): each built-in lesson stepped by buttons and by keys (the URL and
// the caption follow, the move ends on the step's exact state), a challenge solved with the
// controls, a reveal.js deck whose PageDown walks the lesson and then turns the slide, the
// presenter and projector windows in step, lessons from a file and from a link, a broken one
// refused with its message, and a lesson written in the page and downloaded.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const cli = join(root, 'target', 'debug', 'osteoviz');
const reveal = join(root, 'node_modules', 'reveal.js', 'dist');

test.beforeAll(() => {
  test.setTimeout(240_000);
  execFileSync('cargo', ['build', '--quiet', '--bin', 'osteoviz'], { cwd: root, stdio: 'inherit' });
});

type Step = { query: string; title: string; text: string; action?: string; challenge?: unknown };
type Lesson = { title: string; steps: Step[] };

function lessonFile(name: string, lang = 'en'): Lesson {
  return JSON.parse(execFileSync(cli, ['lesson', 'show', name, '--lang', lang]).toString());
}

function lessonNames(): string[] {
  return execFileSync(cli, ['lessons']).toString().trim().split('\n').map((l) => l.split(/\s+/)[0]);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

const stepInUrl = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('step'));

/** Waits until the drawn single-ray state is the step's exact state (the readouts equal the CLI's). */
async function expectExactState(page: Page, query: string) {
  const expected = JSON.parse(execFileSync(cli, ['eval', query]).toString());
  for (const key of ['cut_to_shaft_deg', 'head_rise_mm', 'ground_shortening_mm', 'tipping_lever_mm']) {
    await expect
      .poll(async () => Number(await page.locator(`.readouts output[data-outcome="${key}"]`).first().getAttribute('data-value')), { timeout: 12_000 })
      .toBeCloseTo(expected[key], 9);
  }
}

test('every built-in lesson steps forward by button and back by key; URL, caption and state follow', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  for (const name of lessonNames()) {
    const lesson = lessonFile(name);
    await page.goto(`./?lesson=${name}`);
    await expect(page.locator('.lesson-step-title')).toHaveText(lesson.steps[0].title);
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i];
      if (i > 0) await page.locator('button[name=lesson-next]').click();
      await expect(page.locator('.lesson-step-title')).toHaveText(step.title);
      await expect(page.locator('.lesson-text')).toHaveText(step.text);
      await expect(page.locator('.lesson-counter')).toHaveAttribute('data-step', String(i + 1));
      await expect.poll(() => stepInUrl(page)).toBe(String(i + 1));
      if (step.query.includes('plan=')) {
        await expect(page.locator('svg.plan-top').first()).toBeVisible();
        const plan = new URLSearchParams(step.query).get('plan');
        await expect(page.locator(`button[data-plan="${plan}"]`)).toHaveAttribute('aria-pressed', 'true');
      }
      else if (!step.action) await expectExactState(page, step.query);
    }
    await expect(page.locator('button[name=lesson-next]')).toBeDisabled();
    // Back to the first step with the keys (the focus on the page, not on a control).
    await page.locator('.lesson-step-title').click();
    for (let i = lesson.steps.length - 1; i > 0; i--) {
      await page.keyboard.press(i % 2 ? 'PageUp' : 'ArrowLeft');
      await expect(page.locator('.lesson-counter')).toHaveAttribute('data-step', String(i));
    }
    await expect.poll(() => stepInUrl(page)).toBe('1');
    await expect(page.locator('.lesson-step-title')).toHaveText(lesson.steps[0].title);
  }
  expect(errors).toEqual([]);
});

test('the lecture bar opens the lessons in the page\'s view, at the lesson\'s own first state', async ({ page }) => {
  await page.goto('./?preset=weil&ray=3&theme=projector&lang=fr');
  await page.locator('a.lessons-link').click();
  const lesson = lessonFile('cut-orients', 'fr');
  await expect(page.locator('.lesson-step-title')).toHaveText(lesson.steps[0].title);
  await expectExactState(page, lesson.steps[0].query);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
  await expect.poll(() => page.evaluate(() => location.search)).not.toContain('preset=weil');
});

test('keys walk a lesson, a move is animated and ends on the exact state, and a reload keeps the step', async ({ page }) => {
  const errors = watchErrors(page);
  const lesson = lessonFile('position');
  await page.goto('./?lesson=position&step=1&lang=en');
  await expectExactState(page, lesson.steps[0].query);
  const lever = () => page.locator('.readouts output[data-outcome="tipping_lever_mm"]').first().getAttribute('data-value');
  const before = Number(await lever());
  await page.keyboard.press('PageDown');
  // On the way: a value strictly between the two steps' levers.
  const after = JSON.parse(execFileSync(cli, ['eval', lesson.steps[1].query]).toString()).tipping_lever_mm;
  await expect.poll(async () => { const v = Number(await lever()); return v > before + 1e-6 && v < after - 1e-6; }, { timeout: 2000, intervals: [10] }).toBe(true);
  await expectExactState(page, lesson.steps[1].query);
  await page.keyboard.press('Space');
  await expect(page.locator('.lesson-counter')).toHaveAttribute('data-step', '3');
  await expectExactState(page, lesson.steps[2].query);
  await page.reload();
  await expect(page.locator('.lesson-step-title')).toHaveText(lesson.steps[2].title);
  await expectExactState(page, lesson.steps[2].query);
  // A slider with the focus keeps its arrows.
  await page.locator('input[type=range][name=cut]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lesson-counter')).toHaveAttribute('data-step', '3');
  expect(errors).toEqual([]);
});

test('between two plan steps the plan moves too: a newly cut head rises on the way', async ({ page }) => {
  const errors = watchErrors(page);
  const lesson = lessonFile('why-m4');
  await page.goto('./?lesson=why-m4&step=1&lang=en');
  const rise = page.locator('output[data-outcome="heads.m3.head_rise_mm"]').first();
  await expect(rise).toHaveAttribute('data-value', '0');
  const target = JSON.parse(execFileSync(cli, ['eval', lesson.steps[1].query]).toString()).heads.m3.head_rise_mm;
  await page.locator('button[name=lesson-next]').click();
  await expect.poll(async () => { const v = Number(await rise.getAttribute('data-value')); return v > 1e-6 && v < target - 1e-6; }, { timeout: 2000, intervals: [10] }).toBe(true);
  await expect.poll(async () => Number(await rise.getAttribute('data-value'))).toBeCloseTo(target, 9);
  await expect(page.locator('button[data-plan="m2m3"]')).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('a challenge shows its conditions live and says solved when the controls meet them', async ({ page }) => {
  const errors = watchErrors(page);
  const lesson = lessonFile('position');
  const n = lesson.steps.findIndex((s) => s.challenge) + 1;
  await page.goto(`./?lesson=position&step=${n}&lang=en`);
  const challenge = page.locator('.lesson-challenge');
  await expect(challenge).toBeVisible();
  // Only the allowed control is offered.
  await expect(page.locator('input[type=range][name=at]')).toBeVisible();
  await expect(page.locator('input[type=range][name=cut]')).toHaveCount(0);
  await expect(challenge.locator('li[data-met=false]')).not.toHaveCount(0);
  await expect(page.locator('.lesson-solved')).toHaveCount(0);
  // Only the allowed controls change the state: a preset (or a handle) does not.
  const before = await page.locator('.readouts output[data-outcome="cut_to_shaft_deg"]').getAttribute('data-value');
  await page.locator('button[data-preset=vertical]').click();
  await page.waitForTimeout(200);
  expect(await page.locator('.readouts output[data-outcome="cut_to_shaft_deg"]').getAttribute('data-value')).toBe(before);
  await page.locator('button[name=lesson-hint]').click();
  await expect(challenge.locator('.lesson-hints li')).toHaveCount(1);
  // Into the joint: the conditions may hold, but the model warns: not a solution.
  const at = page.locator('input[type=number][name=at]');
  await at.fill('12');
  await at.press('Enter');
  await expect(page.locator('.lesson-warned')).toBeVisible();
  await expect(page.locator('.lesson-solved')).toHaveCount(0);
  await at.fill('18');
  await at.press('Enter');
  await expect(challenge.locator('li[data-met=false]')).toHaveCount(0);
  await expect(page.locator('.lesson-solved')).toBeVisible();
  // The learner's state is in the URL beside the step: a reload keeps the work.
  await expect.poll(() => page.evaluate(() => location.search)).toContain('at=18');
  await page.reload();
  await expect(page.locator('.lesson-solved')).toBeVisible();
  await expect(page.locator('input[type=number][name=at]')).toHaveValue('18');
  // Back to the step's start: unsolved again.
  await page.locator('button[name=lesson-restart]').click();
  await expect(page.locator('.lesson-solved')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.search)).not.toContain('at=18');
  expect(errors).toEqual([]);
});

function deckHtml(src: string): string {
  // reveal.js's defaults: a 960×700 slide; the iframe fits under the slide's heading.
  return `<!doctype html><html><head><meta charset="utf-8"><title>deck</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/deck/reveal.css"></head>
<body><div class="reveal"><div class="slides">
<section id="slide-1"><iframe id="osteoviz" src="${src}" width="960" height="700" style="border:0"></iframe></section>
<section id="slide-2"><h2>Next slide</h2></section>
</div></div>
<script src="/deck/reveal.js"></script>
<script src="/osteoviz-embed.js"></script>
<script>Reveal.initialize({ hash: false, transition: 'none' });</script>
</body></html>`;
}

test('in a reveal.js deck, PageDown walks the lesson, then turns the slide; PageUp comes back', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.route('**/deck/index.html', (route) => route.fulfill({ contentType: 'text/html', body: deckHtml('/?lesson=position&embed=1&lang=en') }));
  await page.route('**/deck/reveal.css', (route) => route.fulfill({ contentType: 'text/css', body: readFileSync(join(reveal, 'reveal.css')) }));
  await page.route('**/deck/reveal.js', (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(reveal, 'reveal.js')) }));
  await page.goto('./deck/index.html');
  await page.waitForFunction(() => (window as any).Reveal?.isReady?.());
  const slide = () => page.evaluate(() => (window as any).Reveal.getIndices().h);
  const app = page.frameLocator('#osteoviz');
  const counter = app.locator('.lesson-counter');
  await expect(counter).toHaveAttribute('data-step', '1');
  const steps = Number(await counter.getAttribute('data-steps'));
  // The whole drawing and the caption are inside the slide: nothing cut off.
  const frameBox = (await page.locator('#osteoviz').boundingBox())!;
  const svgBox = (await app.locator('svg.scene').boundingBox())!;
  const panelBox = (await app.locator('.lesson-panel').boundingBox())!;
  expect(svgBox.x + svgBox.width).toBeLessThanOrEqual(frameBox.x + frameBox.width + 1);
  expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(frameBox.x + frameBox.width + 1);
  await page.screenshot({ path: testInfo.outputPath('lesson-in-reveal.png') });
  for (let i = 2; i <= steps; i++) {
    await page.keyboard.press('PageDown');
    await expect(counter).toHaveAttribute('data-step', String(i));
    expect(await slide()).toBe(0);
  }
  await page.keyboard.press('PageDown');
  await expect.poll(slide).toBe(1);
  await page.keyboard.press('PageUp');
  await expect.poll(slide).toBe(0);
  await page.keyboard.press('PageUp');
  await expect(counter).toHaveAttribute('data-step', String(steps - 1));
  // Keys pressed inside the frame: the lesson first, then the deck at the end.
  await app.locator('.lesson-step-title').click();
  await page.keyboard.press('PageDown');
  await expect(counter).toHaveAttribute('data-step', String(steps));
  await app.locator('.lesson-step-title').click();
  await page.keyboard.press('PageDown');
  await expect.poll(slide).toBe(1);
  expect(errors).toEqual([]);
});

test('the presenter view shows the notes and the next step, and the projector window follows it', async ({ context }) => {
  const lesson = lessonFile('weil-vs-dmmo');
  const projector = await context.newPage();
  await projector.goto('./?lesson=weil-vs-dmmo&lang=en&theme=projector');
  const presenter = await context.newPage();
  await presenter.goto('./?lesson=weil-vs-dmmo&present=1&lang=en');
  await expect(presenter.locator('.lesson-notes')).toBeVisible();
  await expect(presenter.locator('.lesson-up-next')).toContainText(lesson.steps[1].title);
  await expect(projector.locator('.lesson-notes')).toHaveCount(0);
  await presenter.locator('button[name=lesson-next]').click();
  await expect(projector.locator('.lesson-counter')).toHaveAttribute('data-step', '2');
  await expect(projector.locator('.lesson-step-title')).toHaveText(lesson.steps[1].title);
  await presenter.keyboard.press('PageDown');
  await expect(projector.locator('.lesson-counter')).toHaveAttribute('data-step', '3');
  // And the other way round.
  await projector.locator('button[name=lesson-previous]').click();
  await expect(presenter.locator('.lesson-counter')).toHaveAttribute('data-step', '2');
  await expect.poll(() => stepInUrl(presenter)).toBe('2');
  // A window opening (or reloading) at another step does not pull the others back.
  const late = await context.newPage();
  await late.goto('./?lesson=weil-vs-dmmo&step=1&lang=en');
  await expect(late.locator('.lesson-counter')).toHaveAttribute('data-step', '1');
  await late.waitForTimeout(500);
  await expect(presenter.locator('.lesson-counter')).toHaveAttribute('data-step', '2');
  // A change of view in one window is not a move: the others stay (a learner's work too).
  await projector.locator('select[name=theme]').selectOption('dark');
  await projector.waitForTimeout(300);
  await expect(presenter.locator('.lesson-counter')).toHaveAttribute('data-step', '2');
});

const CUSTOM = {
  title: 'Close the kerf',
  steps: [
    { query: 'preset=dmmo&ray=3&close=0', title: 'The kerf open', text: 'Nothing touches yet.' },
    { query: 'preset=dmmo&ray=3', title: 'The kerf closed', text: 'The head rises.',
      expect: [{ key: 'head_rise_mm', change: 'increases' }] },
  ],
};

test('a lesson of ones own opens from a file and from a link; a broken one is refused with its message', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?lesson=cut-orients&lang=en');
  const dir = mkdtempSync(join(tmpdir(), 'osteoviz-lesson-'));
  const file = join(dir, 'mine.json');
  writeFileSync(file, JSON.stringify(CUSTOM, null, 2));
  await page.locator('input[name=lesson-file]').setInputFiles(file);
  await expect(page.locator('.lesson-step-title')).toHaveText('The kerf open');
  await expect(page.locator('.lesson-title')).toContainText('Close the kerf');
  await page.locator('button[name=lesson-next]').click();
  await expectExactState(page, CUSTOM.steps[1].query);
  // The URL carries the lesson in its fragment (never sent to a server): a reload opens it again.
  expect(await page.evaluate(() => location.hash)).toMatch(/^#lesson=%7B/);
  expect(await page.evaluate(() => location.search)).not.toContain('lesson=');
  await page.reload();
  await expect(page.locator('.lesson-step-title')).toHaveText('The kerf closed');
  // A file that is not a lesson: said, and the lesson shown stays.
  const bad = join(dir, 'notes.json');
  writeFileSync(bad, '{"title": "x", "steps": [{"query": "preset=dmmo", "title": "a"}]}');
  await page.locator('input[name=lesson-file]').setInputFiles(bad);
  await expect(page.locator('.lesson-panel .notice')).toContainText('notes.json: step 1, text: is missing');
  await expect(page.locator('.lesson-step-title')).toHaveText('The kerf closed');
  // Dropped on the page.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.querySelector('.lesson-page')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, JSON.stringify({ ...CUSTOM, title: 'Dropped' }));
  await expect(page.locator('.lesson-title')).toContainText('Dropped');
  await expect(page.locator('.lesson-counter')).toHaveAttribute('data-step', '1');
  await page.goto(`./?lesson=${encodeURIComponent(JSON.stringify(CUSTOM))}&lang=en`);
  await expect(page.locator('.lesson-step-title')).toHaveText('The kerf open');
  // The share link: the lesson in the fragment, its first step, this view.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('button[name=lesson-next]').click();
  await page.locator('.lesson-menu summary').click();
  await page.locator('button[name=lesson-share]').click();
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  expect(shared).toMatch(/\?step=1&lang=en#lesson=%7B/);
  await page.goto(shared);
  await expect(page.locator('.lesson-step-title')).toHaveText('The kerf open');
  expect(errors).toEqual([]);

  // Broken: the message names the step and field; the model is still there to use.
  const broken = { title: 'x', steps: [{ query: 'preset=dmmo', title: 'a' }] };
  await page.goto(`./?lesson=${encodeURIComponent(JSON.stringify(broken))}&lang=en`);
  await expect(page.locator('.lesson-error')).toContainText('step 1, text: is missing');
  await expect(page.locator('svg.scene')).toBeVisible();
  await page.goto('./?lesson=no-such-lesson&lang=fr');
  await expect(page.locator('.lesson-error')).toContainText('no-such-lesson');
  await expect(page.locator('.lesson-error')).toContainText('cut-orients');
  await expect(page.locator('svg.scene')).toBeVisible();
  // Past the last step: the last one, said.
  await page.goto('./?lesson=position&step=99&lang=en');
  await expect(page.locator('.lesson-counter')).toHaveAttribute('data-step', '5');
  await expect(page.locator('.lesson-panel .notice')).toContainText('step=99');
});

test('a lesson written in the page: views added as steps, downloaded as a file that checks', async ({ page }) => {
  await page.goto('./?lesson=cut-orients&lang=en');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.lesson-builder summary').click();
  await page.locator('input[name=lesson-step-title]').fill('The first view');
  await page.locator('textarea[name=lesson-step-text]').fill('The usual cut.');
  await page.locator('button[name=lesson-add-step]').click();
  await expect(page.locator('.lesson-draft')).toHaveAttribute('data-steps', '1');
  const slide = page.locator('input[type=number][name=slide]');
  await slide.fill('-1');
  await slide.press('Enter');
  await page.locator('input[name=lesson-step-title]').fill('Slid back');
  await page.locator('button[name=lesson-add-step]').click();
  await expect(page.locator('.lesson-draft')).toHaveAttribute('data-steps', '2');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[name=lesson-download]').click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'osteoviz-draft-')), 'lesson.json');
  await download.saveAs(path);
  const written = JSON.parse(readFileSync(path, 'utf8'));
  expect(written.steps.map((s: Step) => s.title)).toEqual(['The first view', 'Slid back']);
  expect(written.steps[1].query).toContain('slide=-1');
  // The CLI accepts what the page wrote.
  execFileSync(cli, ['lesson', 'check', path]);
  // Kept in the browser across a reload.
  await page.reload();
  await page.locator('.lesson-builder summary').click();
  await expect(page.locator('.lesson-draft')).toHaveAttribute('data-steps', '2');
  await page.locator('button[name=lesson-open-draft]').click();
  await expect(page.locator('.lesson-step-title')).toHaveText('The first view');
});

test('the caption follows the browser\'s language, and a lesson step looks right on a projector and a phone', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const french = lessonFile('position', 'fr');
  await page.goto('./?lesson=position&step=2');
  await expect(page.locator('.lesson-step-title')).toHaveText(french.steps[1].title);
  await page.waitForTimeout(800);
  await expect(page.locator('.lesson-step-title')).toHaveText(french.steps[1].title);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?lesson=position&step=2&theme=projector&scale=1.5');
  await expect(page.locator('.lesson-step-title')).toHaveText(french.steps[1].title);
  // The drawing keeps most of the width beside the caption, which does not cover it.
  const svg = (await page.locator('svg.scene').boundingBox())!;
  const panel = (await page.locator('.lesson-panel').boundingBox())!;
  expect(svg.width).toBeGreaterThan(900);
  expect(svg.x + svg.width).toBeLessThanOrEqual(panel.x + 1);
  await page.screenshot({ path: testInfo.outputPath('lesson-projector.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?lesson=position&step=2');
  const phoneSvg = (await page.locator('svg.scene').boundingBox())!;
  const phonePanel = (await page.locator('.lesson-panel').boundingBox())!;
  expect(phonePanel.y + phonePanel.height).toBeLessThanOrEqual(phoneSvg.y + 1);
  expect(phonePanel.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('lesson-phone.png') });
  await context.close();
});
