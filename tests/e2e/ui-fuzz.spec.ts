// UI fuzzing: in every mode, 5,000 random events (seeded, reproducible): real pointer moves,
// presses and drags over the drawing and the page, real key presses (with modifiers) on
// whatever has the focus, clicks on controls, and input events that set any text (numbers out
// of range, garbage) into the sliders and number boxes. At checkpoints and at the end:
// no page error and no console error (a Rust panic is both), every displayed number finite (each
// output[data-value] is a finite number or a verdict name), the state within its documented
// ranges (README "Query keys"), and the URL still reproducing the state (loading
// location.href again gives the same data-values).
//
// Reproduce a failure: OSTEOVIZ_UI_FUZZ_SEED=<the seed in the failure> npx playwright test ui-fuzz
import { test, expect, type Page } from '@playwright/test';
import { urlSettled } from './visualiser-helpers';
import { MODES, VERDICTS, openMode, readouts, skipUnlessPresent, watchErrors } from './quality-helpers';

const EVENTS = Number(process.env.OSTEOVIZ_UI_FUZZ_EVENTS ?? 5000);
const CHECK_EVERY = 1000;
const BASE_SEED = Number(process.env.OSTEOVIZ_UI_FUZZ_SEED ?? 20261124);

/** mulberry32: a small seeded PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

const KEYS = [
  'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Shift+ArrowLeft', 'Shift+ArrowRight',
  'Shift+ArrowUp', 'Shift+ArrowDown', 'Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape', 'Home',
  'End', 'PageUp', 'PageDown', 'Backspace', 'Delete', '0', '1', '5', '9', '-', '.', 'e', 'n',
  'p', 'f', 'F', 'Control+z', 'Control+Shift+Z', 'Control+y', 'Alt+r',
] as const;

/** Texts typed into sliders and number boxes: in range, out of range, odd, garbage. */
const TEXTS = ['0', '45', '-3', '1e3', '-1e308', '1e309', 'NaN', 'abc', '', '  7  ', '0.0001', '180.5',
  '-0', '12,5', '999999999999', '3.14159', '5e-324', 'Infinity', '+2', '.5'] as const;

/** README "Query keys": the documented ranges. */
const RANGES: Record<string, [number, number]> = {
  at: [12, 50], kerf: [0, 5], close: [0, 5], slide: [-15, 15], tilt: [-20, 20], decl: [0, 35],
  len: [50, 90], mu: [0, 1.5], pull: [0, 1], tissue: [0.05, 5],
};

async function fire(page: Page, r: ReturnType<typeof rng>, box: { x: number; y: number; width: number; height: number }) {
  const kind = r.next();
  if (kind < 0.35) {
    // Pointer: moves, presses and drags, mostly over the drawing.
    const inDrawing = r.next() < 0.8;
    const x = inDrawing ? box.x + r.next() * box.width : r.next() * 1900;
    const y = inDrawing ? box.y + r.next() * box.height : r.next() * 1060;
    const what = r.int(4);
    if (what === 0) await page.mouse.down();
    else if (what === 1) await page.mouse.up();
    await page.mouse.move(x, y, { steps: 1 + r.int(2) });
  } else if (kind < 0.7) {
    await page.keyboard.press(r.pick(KEYS));
  } else if (kind < 0.9) {
    // Input events with any text on a random slider or number box.
    const text = r.pick(TEXTS);
    const index = r.next();
    await page.evaluate(
      ([text, index]) => {
        const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input[type=range], input[type=number]'));
        if (inputs.length === 0) return;
        const input = inputs[Math.floor(index * inputs.length)];
        input.value = text; // the browser sanitises it as it would for a user
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      [text, index] as const,
    );
  } else {
    // A click on a control (not links, which leave the mode; not exports, which download; not
    // the language, which on the single-ray page loads the page in another bundle, like a link:
    // i18n.spec.ts and plan.spec.ts test it).
    const index = r.next();
    await page.evaluate((index) => {
      const controls = Array.from(
        document.querySelectorAll<HTMLElement>('button:not([name^=export]):not([name=fullscreen]), input[type=checkbox], input[type=radio], summary, select:not([name=lang])'),
      ).filter((e) => e.getBoundingClientRect().width > 0);
      if (controls.length === 0) return;
      const c = controls[Math.floor(index * controls.length)];
      if (c instanceof HTMLSelectElement) {
        c.selectedIndex = Math.floor(index * 1000) % Math.max(1, c.options.length);
        c.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        c.click();
      }
    }, index);
  }
}

/** Stops the animation (its frames change the readouts) and waits until what the page shows
 * is stable (the last render done: a loaded machine can take a while). */
async function still(page: Page) {
  await page.mouse.up();
  const playing = page.locator('button[name=play][aria-pressed=true]');
  // Each way of stopping is bounded: a click waits for its target to be visible and on top,
  // which it may never be (the drawing in fullscreen covers the play button); the next way
  // follows, and the check below says which state the page was in.
  const bounded = { timeout: 3000 };
  const stops = [
    () => playing.first().click(bounded),
    () => playing.first().evaluate((b) => (b as HTMLButtonElement).click(), undefined, bounded),
    async () => {
      await playing.first().focus(bounded);
      await page.keyboard.press('Enter');
    },
  ];
  for (const stop of stops) {
    if ((await playing.count()) === 0) break;
    await stop().catch(() => {});
    await expect(playing).toHaveCount(0, { timeout: 2000 }).catch(() => {});
  }
  const context = await page.evaluate(() => ({
    fullscreen: document.fullscreenElement?.tagName ?? null,
    active: document.activeElement?.outerHTML.slice(0, 80) ?? null,
  }));
  expect(await playing.count(), `the animation stops (${JSON.stringify(context)})`).toBe(0);
  let before = JSON.stringify(await shown(page));
  for (let i = 0; i < 40; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const now = JSON.stringify(await shown(page));
    if (now === before) return;
    before = now;
  }
  throw new Error('the page does not settle (still animating?)');
}

/** What the page shows of the state: readouts, sliders, the drawing's handles. */
async function shown(page: Page): Promise<string[]> {
  const values = (await readouts(page)).map(([k, v]) => `${k}=${v}`);
  const controls = await page
    .locator('input[type=range], svg.scene [role=slider]')
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('name') ?? e.getAttribute('data-handle')}=${(e as HTMLInputElement).value ?? ''}|${e.getAttribute('aria-valuetext')}`),
    );
  return [...values, ...controls];
}

async function check(page: Page, errors: string[], where: string) {
  expect(errors, `errors (${where})`).toEqual([]);
  const values = await readouts(page);
  expect((await shown(page)).length, `something shows the state (${where})`).toBeGreaterThan(0);
  for (const [key, v] of values) {
    const ok = VERDICTS.includes(v) || (v.trim() !== '' && Number.isFinite(Number(v)));
    expect(ok, `${key} = "${v}" (${where})`).toBe(true);
  }
  // The state in the URL, within its documented ranges.
  await urlSettled(page);
  const params = new URLSearchParams(await page.evaluate(() => location.search));
  for (const [key, [lo, hi]] of Object.entries(RANGES)) {
    for (const [k, v] of params) {
      if (k !== key && !k.endsWith(`.${key}`)) continue;
      const n = Number(v);
      expect(Number.isFinite(n) && n >= lo - 1e-9 && n <= hi + 1e-9, `${k}=${v} in ${lo}..${hi} (${where})`).toBe(true);
    }
  }
  for (const [k, v] of params) {
    if (k === 'ray' || k.endsWith('.ray')) expect(['2', '3', '4'], `${k}=${v}`).toContain(v);
  }
  for (const [key, v] of values) {
    if (key.endsWith('cut_to_shaft_deg')) expect(Number(v) >= -1e-9 && Number(v) <= 180 + 1e-9, `${key} = ${v}`).toBe(true);
  }
  // Every slider within its own bounds, the number boxes readable.
  const inputs = await page.locator('input[type=range]').evaluateAll((els) =>
    els.map((e) => {
      const i = e as HTMLInputElement;
      return { name: i.name, value: Number(i.value), min: Number(i.min), max: Number(i.max) };
    }),
  );
  for (const i of inputs) expect(i.value >= i.min - 1e-9 && i.value <= i.max + 1e-9, `${i.name} ${i.value} in ${i.min}..${i.max}`).toBe(true);
  return values;
}

for (const [m, mode] of MODES.entries()) {
  test(`${mode.name}: ${EVENTS} random pointer, key and input events`, async ({ browser }, testInfo) => {
    test.setTimeout(300_000);
    const seed = BASE_SEED + m;
    testInfo.annotations.push({ type: 'seed', description: `OSTEOVIZ_UI_FUZZ_SEED=${BASE_SEED} (mode seed ${seed})` });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1920, height: 1080 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Links lead to another mode (fuzzed on its own): the fuzz stays on this page.
    await context.addInitScript(() => {
      document.addEventListener('click', (e) => {
        if ((e.target as Element | null)?.closest?.('a[href]')) e.preventDefault();
      }, true);
    });
    const page = await context.newPage();
    try {
      const errors = watchErrors(page);
      await openMode(page, mode);
      await skipUnlessPresent(page, mode, testInfo);
      const r = rng(seed);
      let box = { x: 0, y: 0, width: 1900, height: 1000 };
      for (let i = 1; i <= EVENTS; i++) {
        if (i % 100 === 1) box = (await page.locator('svg.scene').first().boundingBox()) ?? box;
        try {
          await fire(page, r, box);
        } catch (e) {
          // A key on the focused language menu loads the page in another language's bundle
          // (the state is in the URL): wait for it, then go on.
          if (!String(e).includes('Execution context was destroyed')) throw e;
          await expect(page.locator('main#app svg.scene').first()).toBeVisible();
        }
        if (i % CHECK_EVERY === 0 || i === EVENTS) {
          await still(page);
          const where = `seed ${seed}, after event ${i}`;
          await check(page, errors, where);
          const state = await shown(page);
          // The URL reproduces the state: load it afresh, same readouts.
          const url = page.url();
          const again = await context.newPage();
          const againErrors = watchErrors(again);
          await again.goto(url);
          await expect(again.locator('main#app svg.scene').first()).toBeVisible();
          await expect.poll(() => shown(again), `${url} reproduces the state (${where})`).toEqual(state);
          expect(againErrors).toEqual([]);
          await again.close();
        }
      }
    } finally {
      await context.close();
    }
  });
}
