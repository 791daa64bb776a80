// Accessibility: axe-core (npm, pinned) on every mode with zero violations (WCAG 2.x A and AA
// rules, colour contrast of the HTML text included); the contrast of every SVG text against its
// theme's background (WCAG AA: 4.5:1, 3:1 for large text); a keyboard-only walkthrough that
// reaches and operates every control in document order with a visible focus indicator; the
// polite live region that announces the outcome after a change.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, openMode, skipUnlessPresent, watchErrors } from './quality-helpers';
import { urlSettled } from './visualiser-helpers';

const AXE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResult = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] };

async function axe(page: Page): Promise<AxeResult[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to axe itself.
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const r = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
}

/** Contrast of every visible SVG text's fill against the drawing's background rectangle. */
async function svgTextContrast(page: Page) {
  return page.evaluate(() => {
    const rgb = (c: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: any, b: any) => {
      const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const out: { text: string; cls: string; fill: string; bg: string; ratio: number; px: number; needed: number }[] = [];
    for (const svg of Array.from(document.querySelectorAll('svg'))) {
      const bgEl = svg.querySelector('.background') ?? svg.querySelector('rect');
      const bgColour = bgEl ? rgb(getComputedStyle(bgEl).fill) : null;
      const pageBg = rgb(getComputedStyle(document.body).backgroundColor);
      const bg = bgColour && bgColour.a > 0 ? bgColour : pageBg && pageBg.a > 0 ? pageBg : { r: 255, g: 255, b: 255, a: 1 };
      const scale = (svg as SVGSVGElement).getScreenCTM?.()?.a ?? 1;
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        const style = getComputedStyle(t);
        if (style.display === 'none' || style.visibility === 'hidden' || !t.textContent?.trim()) continue;
        const fill = rgb(style.fill);
        if (!fill) continue;
        const px = parseFloat(style.fontSize) * scale;
        const bold = Number(style.fontWeight) >= 700;
        const large = px >= 24 || (bold && px >= 18.66);
        out.push({
          text: t.textContent.trim().slice(0, 40),
          cls: t.getAttribute('class') ?? '',
          fill: style.fill,
          bg: `rgb(${bg.r}, ${bg.g}, ${bg.b})`,
          ratio: Math.round(ratio(fill, bg) * 100) / 100,
          px: Math.round(px * 10) / 10,
          needed: large ? 3 : 4.5,
        });
      }
    }
    return out;
  });
}

for (const mode of MODES) {
  test(`${mode.name}: axe finds no violation, and SVG text meets WCAG AA contrast`, async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    await openMode(page, mode);
    await skipUnlessPresent(page, mode, testInfo);
    // Open the folded parts so that axe sees them too.
    for (const d of await page.locator('details').all()) {
      if (await d.isVisible()) await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
    }
    await page.waitForTimeout(100);
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    const texts = await svgTextContrast(page);
    expect(texts.length).toBeGreaterThan(0);
    const low = texts.filter((t) => t.ratio < t.needed);
    expect(low, JSON.stringify(low, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

/** A control's name for the walkthrough: its query key, handle, preset, id or text. */
const KEY_OF = `(e) => [e.tagName.toLowerCase(), e.getAttribute('type') ?? '',
  e.getAttribute('name') ?? e.getAttribute('data-handle') ?? e.getAttribute('data-preset') ??
  e.getAttribute('data-plan') ?? e.getAttribute('data-ray') ?? (e.id || (e.textContent ?? '').trim().slice(0, 24))].join(':')`;

/** What has the focus: a short, stable description. */
async function focused(page: Page) {
  return page.evaluate((keyOf) => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return null;
    const all = Array.from(document.querySelectorAll('*'));
    const style = getComputedStyle(e);
    return {
      key: (0, eval)(keyOf)(e) as string,
      tag: e.tagName.toLowerCase(),
      type: e.getAttribute('type') ?? '',
      name: e.getAttribute('name') ?? e.getAttribute('data-handle') ?? e.id ?? '',
      text: (e.textContent ?? '').trim().slice(0, 30),
      index: all.indexOf(e),
      svg: e instanceof SVGElement,
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      stroke: style.stroke,
      strokeWidth: style.strokeWidth,
    };
  }, KEY_OF);
}

test('keyboard only: Tab reaches and operates every control, in document order, with a visible focus', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = watchErrors(page);
  await openMode(page, MODES[0]);
  // Everything that should take the focus: visible, enabled controls and the drawing's handles.
  // (Read after the walk: the export form opens during it.)
  const focusable = () =>
    page.evaluate(
      (keyOf) =>
        Array.from(document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'))
          .filter((e) => {
            const el = e as HTMLElement;
            if ((el as HTMLButtonElement).disabled || el.getAttribute('tabindex') === '-1') return false;
            if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          })
          .map((e) => (0, eval)(keyOf)(e) as string),
      KEY_OF,
    );
  expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), 'no positive tabindex').toBe(0);

  const seen: string[] = [];
  const order: number[] = [];
  const slider = page.locator('input[type=range][name=cut]');
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) break; // back to the document: the walk is complete
    const id = f.key;
    if (order.length > 0 && f.index === order[0]) break;
    seen.push(id);
    order.push(f.index);
    // A visible focus indicator: an outline (HTML) or a changed stroke (the SVG handles).
    if (f.svg) {
      const blurred = await page.evaluate(() => {
        const e = document.activeElement as SVGElement;
        const s = getComputedStyle(e);
        return { stroke: s.stroke, width: s.strokeWidth, focusVisible: e.matches(':focus-visible') };
      });
      expect(blurred.focusVisible, `${id} matches :focus-visible`).toBe(true);
      expect(f.strokeWidth !== '0px' && f.stroke !== 'none', `${id} has a focus stroke`).toBe(true);
    } else {
      expect(f.outline, `${id}: focus outline style`).not.toBe('none');
      expect(f.outlineWidth, `${id}: focus outline width`).toBeGreaterThan(0);
    }
    // Operate it with the keyboard.
    await urlSettled(page);
    const before = await page.evaluate(() => location.search + '|' + (document.querySelector('#summary')?.textContent ?? ''));
    if (f.tag === 'input' && f.type === 'range') {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
    } else if (f.tag === 'input' && f.type === 'number' && f.name && !f.name.startsWith('export')) {
      const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
      await page.keyboard.press('ArrowUp'); // steps the box; committed on Enter
      await page.keyboard.press('Enter');
      const after = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
      if (f.name !== 'burr') expect(after, `${id} steps with ArrowUp`).not.toBe(value);
    } else if (f.tag === 'input' && f.type === 'number') {
      await page.keyboard.press('ArrowUp');
    } else if (f.tag === 'input' && (f.type === 'checkbox' || f.type === 'radio')) {
      await page.keyboard.press('Space');
    } else if (f.tag === 'select' && f.name === 'lang') {
      // Reached; not changed: another language loads the page in its own bundle (i18n.spec.ts).
    } else if (f.tag === 'select') {
      const value = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
      await page.keyboard.press('ArrowDown');
      const after = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
      expect(after, `${id} changes with ArrowDown`).not.toBe(value);
      await page.keyboard.press('ArrowUp');
    } else if (f.svg) {
      const text = await page.evaluate(() => document.activeElement!.getAttribute('aria-valuetext'));
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-valuetext'))).not.toBe(text);
    } else if (f.tag === 'summary') {
      await page.keyboard.press('Enter');
    } else if (f.tag === 'button' && f.name === 'fullscreen') {
      // Reached; not pressed (a headless browser has no screen to fill).
    } else if (f.tag === 'button' && (f.name === 'export-svg' || f.name === 'export-png')) {
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      await download;
    } else if (f.tag === 'button' || f.tag === 'a') {
      if (f.tag === 'a') continue; // a link leaves the page: reached is enough
      // The animations (play, put weight on it) change the drawing while they run: stop them.
      const animates = f.name === 'play' || f.name === 'weight';
      await page.keyboard.press(animates ? 'Space' : 'Enter');
      if (animates) await page.keyboard.press('Space'); // and stop it again
    }
    if (f.tag === 'input' && f.type === 'range') {
      await urlSettled(page);
      const after = await page.evaluate(() => location.search + '|' + (document.querySelector('#summary')?.textContent ?? ''));
      expect(after, `${id} changed the state`).not.toBe(before);
    }
  }
  // Every control was reached, in document order (the order of the page: header, lecture bar,
  // drawing, controls, About).
  expect(seen.length).toBeGreaterThan(30);
  for (const key of await focusable()) expect(seen, `reached ${key}`).toContain(key);
  const sorted = [...order].sort((a, b) => a - b);
  expect(order, 'focus order follows the document').toEqual(sorted);
  expect(await slider.count()).toBe(1);
  expect(errors).toEqual([]);
});

test('the outcome summary is a polite live region that follows a change', async ({ page }) => {
  await openMode(page, MODES[0]);
  const summary = page.locator('#summary');
  await expect(summary).toHaveAttribute('aria-live', 'polite');
  const before = (await summary.textContent()) ?? '';
  expect(before.length).toBeGreaterThan(10);
  await page.locator('input[type=range][name=slide]').fill('-3');
  await expect(summary).not.toHaveText(before);
  const after = (await summary.textContent()) ?? '';
  await page.locator('input[type=range][name=cut]').fill('120');
  await expect(summary).not.toHaveText(after);
});

test('a key on the cut slider: the summary is busy while it is down, the URL and the summary settle on release', async ({ page }) => {
  await openMode(page, MODES[0]);
  const summary = page.locator('#summary');
  const slider = page.locator('input[type=range][name=cut]');
  await slider.focus();
  const cutInUrl = () => page.evaluate(() => new URLSearchParams(location.search).get('cut'));
  const before = await cutInUrl();
  const value = await slider.inputValue();
  const text = (await summary.textContent()) ?? '';
  await page.keyboard.down('ArrowRight');
  // The slider and the summary follow at once; the URL waits for the release.
  await expect(slider).not.toHaveValue(value);
  await expect(summary).not.toHaveText(text);
  await expect(summary).toHaveAttribute('aria-busy', 'true');
  expect(await cutInUrl()).toBe(before);
  await page.keyboard.up('ArrowRight');
  await expect(summary).not.toHaveAttribute('aria-busy', /.*/);
  expect(Number(await cutInUrl())).toBe(Number(await slider.inputValue()));
});
