// Shared by the visualiser end-to-end tests: the native CLI (`osteoviz eval`) as the oracle,
// snapshots of what the page shows, interactions checked against the CLI with undo and redo,
// and the whole per-preset scenario.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

export const PRESETS = ['dmmo', 'perpendicular', 'vertical', 'reverse', 'weil', 'ocra'] as const;
export type PresetName = (typeof PRESETS)[number];

/** Every numeric outcome the page shows and the CLI prints. */
export const NUMERIC_KEYS = [
  'cut_to_shaft_deg',
  'cut_to_ground_deg',
  'head_rise_mm',
  'axial_shortening_mm',
  'ground_shortening_mm',
  'dorsal_shift_mm',
  'declination_before_deg',
  'declination_after_deg',
  'contact_mm',
  'contact_fraction',
  'gap_mm',
  'lever_arm_mm',
  'normal_ratio',
  'tangential_ratio',
  'cut_length_mm',
  'tipping_lever_mm',
] as const;
/** The head settled under body weight: `settled.KEY` on the page, `settled` in the CLI. */
export const SETTLED_KEYS = ['displacement_mm', 'dx_mm', 'dy_mm', 'tilt_deg', 'head_rise_mm', 'ground_shortening_mm', 'contacts'] as const;
const ALL_KEYS = [...NUMERIC_KEYS, ...SETTLED_KEYS.map((k) => `settled.${k}`), 'verdict'].sort();

/** The state keys with a range input and a number box, in canonical order. */
const CONTROL_KEYS = ['cut', 'at', 'kerf', 'close', 'slide', 'tilt', 'decl', 'len', 'mu', 'pull', 'tissue'];

// ------------------------------------------------------------------ the native CLI

let root = process.cwd();
let cliPath = '';

/** Builds the native CLI (quick when it is up to date); call from `test.beforeAll`. */
export function buildCli(testInfo: TestInfo) {
  testInfo.setTimeout(240_000); // a cold `cargo build`
  root = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
  execFileSync('cargo', ['build', '--quiet', '--bin', 'osteoviz'], { cwd: root, stdio: 'inherit' });
  cliPath = join(root, 'target', 'debug', 'osteoviz');
}

export type CliOutcome = Record<string, unknown> & {
  query: string;
  verdict: string;
  summary: string;
  warnings: string[];
};

const cliCache = new Map<string, CliOutcome>();

/** `osteoviz eval QUERY` as an object (throws when the CLI refuses the query). */
export function cliEval(query: string): CliOutcome {
  let out = cliCache.get(query);
  if (!out) {
    if (!cliPath) throw new Error('buildCli() was not called in test.beforeAll');
    out = JSON.parse(execFileSync(cliPath, ['eval', query], { cwd: root, encoding: 'utf8' })) as CliOutcome;
    cliCache.set(query, out);
  }
  return out;
}

// ------------------------------------------------------------------ the page

/** Console errors, page errors, failed requests and HTTP errors, for the page's lifetime. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** Everything a state shows. */
export type Snapshot = {
  /**
   * The state the controls show, as an explicit query: ray, reference and every number box
   * (not the range inputs: the browser snaps a range value to its step, so a slider cannot
   * show e.g. slide 5.79 while the state holds it).
   */
  state: string;
  /** `location.search`. */
  search: string;
  /** `data-value` of every readout, by `data-outcome`. */
  values: Record<string, string>;
  /** `d` of the head fragment. */
  head: string;
  /** x1 y1 x2 y2 of the main cut line. */
  cut: string;
  summary: string;
  /** The motion limits listed under the drawing. */
  limits: string[];
};

/**
 * Waits until the page's URL holds its state: after a drag or a key press on a slider, the app
 * writes it once the state has rested (src/ui/browser.rs, QueryWriter), and the outcome summary
 * is `aria-busy` until then.
 */
export async function urlSettled(page: Page) {
  await page.waitForFunction(() => !document.querySelector('#summary[aria-busy]'));
}

/**
 * Reads the page after two animation frames (Yew has rendered and run its effects by then) and
 * once its URL is written.
 */
export async function snapshot(page: Page): Promise<Snapshot> {
  await urlSettled(page);
  return page.evaluate(async (keys) => {
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const values: Record<string, string> = {};
    for (const o of Array.from(document.querySelectorAll('output[data-outcome]'))) {
      values[o.getAttribute('data-outcome') ?? '?'] = o.getAttribute('data-value') ?? '';
    }
    const input = (selector: string) => (document.querySelector(selector) as HTMLInputElement | null)?.value;
    const load = (document.querySelector('input[type=checkbox][name=load]') as HTMLInputElement | null)?.checked;
    const state = [`ray=${input('select[name=ray]')}`, `ref=${input('input[type=radio][name=ref]:checked')}`]
      .concat(keys.map((k) => `${k}=${input(`input[type=number][name=${k}]`)}`))
      .concat([`load=${load ? 1 : 0}`])
      .join('&');
    const head = document.querySelector('svg.scene g.head-fragment[data-handle=head] path.fragment-head');
    const cut = document.querySelector('svg.scene g.cut line.cut-line');
    return {
      state,
      search: location.search,
      values,
      // The outline and the transform that moves it: where the head fragment is drawn.
      head: head ? `${head.getAttribute('d')} ${head.closest('g.head-fragment')?.getAttribute('transform')}` : '',
      cut: cut ? ['x1', 'y1', 'x2', 'y2'].map((a) => cut.getAttribute(a)).join(' ') : '',
      summary: document.querySelector('#summary')?.textContent ?? '',
      limits: Array.from(document.querySelectorAll('ul.limits li')).map((li) => li.textContent ?? ''),
    };
  }, CONTROL_KEYS);
}

/**
 * The page agrees with `osteoviz eval`: run on the page's URL query (`location.search`, which
 * must be the canonical query of the state), and on the state its controls show; so URL,
 * controls, readouts, summary and limits all describe one state of the model.
 */
export function expectMatchesCli(s: Snapshot, step: string): CliOutcome {
  const query = s.search.replace(/^\?/, '');
  expect(query, `${step}: the URL carries the state`).toMatch(/^preset=/);
  const out = cliEval(query);
  expect(out.query, `${step}: the URL is the canonical query`).toBe(query);
  expect(cliEval(s.state).query, `${step}: the controls show the URL's state (${s.state})`).toBe(query);
  expect(Object.keys(s.values).sort(), `${step}: readout keys`).toEqual(ALL_KEYS);
  for (const key of NUMERIC_KEYS) {
    const page = Number(s.values[key]);
    const cli = out[key];
    expect(Number.isFinite(page), `${step}: ${key} = ${s.values[key]} is finite`).toBe(true);
    expect(typeof cli, `${step}: CLI ${key}`).toBe('number');
    expect(Math.abs(page - (cli as number)), `${step}: ${key} page ${page} vs CLI ${cli} (${query})`).toBeLessThan(1e-9);
  }
  const settled = out.settled as Record<string, number>;
  for (const key of SETTLED_KEYS) {
    const page = Number(s.values[`settled.${key}`]);
    expect(Math.abs(page - settled[key]), `${step}: settled.${key} page ${page} vs CLI ${settled[key]} (${query})`).toBeLessThan(1e-9);
  }
  expect(s.values.verdict, `${step}: verdict (${query})`).toBe(out.verdict);
  expect(s.summary, `${step}: summary sentence`).toBe(out.summary);
  // The state holds only values the model takes as they are (no query notices), so the CLI's
  // warnings are exactly the motion limits the page lists.
  expect(s.limits, `${step}: limits listed vs CLI warnings for ${query}`).toEqual(out.warnings);
  expect(s.head, `${step}: head fragment drawn`).toMatch(/^M/);
  expect(s.cut.split(' ').map(Number).every(Number.isFinite), `${step}: cut line ${s.cut}`).toBe(true);
  return out;
}

/** Opens `/?QUERY` and waits for the app to draw. */
export async function load(page: Page, query: string): Promise<Snapshot> {
  await page.goto(`./?${query}`);
  await expect(page.locator('main#app')).toBeVisible();
  await expect(page.locator('output[data-outcome=verdict]')).toHaveAttribute('data-value', /\S/);
  await expect(page.locator('svg.scene g.head-fragment path.fragment-head')).toHaveAttribute('d', /^M/);
  return snapshot(page);
}

/** A key's value as its number box shows it (the stored precision). */
export async function controlValue(page: Page, key: string): Promise<number> {
  return Number(await page.locator(`input[type=number][name=${key}]`).inputValue());
}

/** φ, the cut angle to the shaft, from its readout. */
export async function phiOf(page: Page): Promise<number> {
  return Number(await page.locator('output[data-outcome=cut_to_shaft_deg]').getAttribute('data-value'));
}

export async function blurAll(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
}

export type Via = 'buttons' | 'keys';

async function undo(page: Page, via: Via) {
  if (via === 'buttons') await page.locator('button[name=undo]').click();
  else await page.keyboard.press('Control+Z');
}

async function redo(page: Page, via: Via) {
  if (via === 'buttons') await page.locator('button[name=redo]').click();
  else await page.keyboard.press('Control+Shift+Z');
}

/**
 * Runs one interaction: it must change the state, the readouts and the named parts of the
 * drawing and agree with the CLI; then undo and redo (through `via`) must give back the exact
 * states before and after (readouts, drawing, controls, URL, summary, limits).
 */
export async function interaction(
  page: Page,
  step: string,
  changes: Array<'head' | 'cut'>,
  via: Via,
  act: () => Promise<void>,
): Promise<{ before: Snapshot; after: Snapshot }> {
  const before = await snapshot(page);
  await act();
  const after = await snapshot(page);
  expect(after.search, `${step}: URL changed`).not.toBe(before.search);
  expect(after.state, `${step}: controls changed`).not.toBe(before.state);
  expect(after.values, `${step}: readouts changed`).not.toEqual(before.values);
  for (const part of changes) {
    expect(after[part], `${step}: ${part} drawing changed`).not.toBe(before[part]);
  }
  expectMatchesCli(after, step);

  await expect(page.locator('button[name=undo]')).toBeEnabled();
  await undo(page, via);
  expect(await snapshot(page), `${step}: undo (${via}) restores the state before`).toEqual(before);
  await expect(page.locator('button[name=redo]')).toBeEnabled();
  await redo(page, via);
  expect(await snapshot(page), `${step}: redo (${via}) restores the changed state`).toEqual(after);
  return { before, after };
}

/** A point inside the head fragment, nearest its box's centre, where the head itself is hit. */
async function headGrabPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const path = document.querySelector('svg.scene g.head-fragment path.fragment-head') as SVGPathElement;
    const box = path.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    let best: { x: number; y: number; d: number } | null = null;
    const n = 24;
    for (let i = 1; i < n; i++) {
      for (let j = 1; j < n; j++) {
        const x = box.left + (box.width * i) / n;
        const y = box.top + (box.height * j) / n;
        const handle = document.elementFromPoint(x, y)?.closest('[data-handle]');
        if (handle?.getAttribute('data-handle') !== 'head') continue;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { x, y, d };
      }
    }
    return best;
  });
  expect(p, 'some point of the head fragment can be grabbed').not.toBeNull();
  return { x: p!.x, y: p!.y };
}

/** Screen direction (unit vector, CSS px) of the cut line, and the screen size of a millimetre. */
async function cutScreenDirection(page: Page): Promise<{ ux: number; uy: number; pxPerMm: number }> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.scene') as SVGSVGElement;
    const line = document.querySelector('svg.scene g.cut line.cut-line') as SVGLineElement;
    const m = svg.getScreenCTM()!;
    const at = (x: number, y: number) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
    const a = at(Number(line.getAttribute('x1')), Number(line.getAttribute('y1')));
    const b = at(Number(line.getAttribute('x2')), Number(line.getAttribute('y2')));
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    return { ux: (b.x - a.x) / len, uy: (b.y - a.y) / len, pxPerMm: Math.hypot(m.a, m.b) };
  });
}

/**
 * Screen points of the cut handle turned about the axis crossing (the handle stem's start) by
 * `turnDeg`, counter-clockwise in the ground frame (which raises φ), in `steps` steps, starting
 * at the handle's centre.
 */
async function cutHandlePath(page: Page, turnDeg: number, steps: number): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate(
    ({ turnDeg, steps }) => {
      const svg = document.querySelector('svg.scene') as SVGSVGElement;
      const stem = document.querySelector('svg.scene g.handles line.handle-stem') as SVGLineElement;
      const handle = document.querySelector('svg.scene circle[data-handle=cut]') as SVGCircleElement;
      const m = svg.getScreenCTM()!;
      const toScreen = (x: number, y: number) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      // Ground frame G: SVG y flipped.
      const cx = Number(stem.getAttribute('x1'));
      const cy = -Number(stem.getAttribute('y1'));
      const hx = Number(handle.getAttribute('cx')) - cx;
      const hy = -Number(handle.getAttribute('cy')) - cy;
      const points = [];
      for (let i = 0; i <= steps; i++) {
        const t = ((turnDeg * i) / steps) * (Math.PI / 180);
        const gx = cx + hx * Math.cos(t) - hy * Math.sin(t);
        const gy = cy + hx * Math.sin(t) + hy * Math.cos(t);
        points.push(toScreen(gx, -gy));
      }
      return points;
    },
    { turnDeg, steps },
  );
}

// ------------------------------------------------------------------ the per-preset scenario

/**
 * Loads `/?preset=NAME` and checks the page against the CLI on arrival and after each kind of
 * interaction (range slider, number box, arrow keys on a range input and on the cut handle,
 * pointer drags of the head fragment and of the cut handle), with undo and redo after each
 * (buttons, and Ctrl+Z / Ctrl+Shift+Z), and Alt+R at the end. No console error, page error or
 * failed request for the whole scenario. Saves the 1920x1080 view as `preset-NAME.png`.
 */
export async function presetScenario(page: Page, testInfo: TestInfo, name: PresetName) {
  const errors = collectErrors(page);
  const initial = await load(page, `preset=${name}`);

  // On arrival: the page shows exactly the preset, and the readouts equal `osteoviz eval`.
  const fromCli = cliEval(`preset=${name}`);
  expect(initial.search, `${name}: the URL becomes the canonical query`).toBe(`?${fromCli.query}`);
  expectMatchesCli(initial, `${name} on load`);
  for (const key of NUMERIC_KEYS) expect(Number(initial.values[key]), key).toBe(fromCli[key]);
  await expect(page.locator(`button[data-preset=${name}]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('button[name=undo]')).toBeDisabled();
  await expect(page.locator('button[name=redo]')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath(`preset-${name}.png`) });

  // 1. Range slider: the cut angle by 10° (down when near the top of its range).
  const cutRange = page.locator('input[type=range][name=cut]');
  const cut0 = await controlValue(page, 'cut');
  const cut1 = cut0 + 10 <= Number(await cutRange.getAttribute('max')) ? cut0 + 10 : cut0 - 10;
  await interaction(
    page,
    `${name} range cut=${cut1}`,
    ['cut', 'head'],
    'buttons',
    async () => {
      await cutRange.fill(String(cut1));
      await expect(cutRange).toHaveAttribute('aria-valuetext', `${cut1.toFixed(1)}°`);
    },
  );
  expect(await controlValue(page, 'cut')).toBe(cut1);

  // 2. Number box: slide by +1.5 mm, committed with Enter.
  const slideBox = page.locator('input[type=number][name=slide]');
  const slide1 = Math.round(((await controlValue(page, 'slide')) + 1.5) * 100) / 100;
  await interaction(
    page,
    `${name} number slide=${slide1}`,
    ['head'],
    'buttons',
    async () => {
      await slideBox.fill(String(slide1));
      await slideBox.press('Enter');
      await expect(page.locator('input[type=range][name=slide]')).toHaveValue(String(slide1));
    },
  );
  expect(await controlValue(page, 'slide')).toBe(slide1);

  // 3. Keyboard on a focused range input: the cut position one fine step (0.5 mm); undo and
  //    redo by shortcut with the focus still on the slider.
  const atRange = page.locator('input[type=range][name=at]');
  const at0 = await controlValue(page, 'at');
  await interaction(
    page,
    `${name} ArrowRight on the at slider`,
    ['cut', 'head'],
    'keys',
    async () => {
      await atRange.focus();
      await page.keyboard.press('ArrowRight');
      // The next step of the slider's grid (12, 12.5, …): the Weil cut's 38.09 steps to 38.5.
      await expect(atRange).toHaveValue(String(12 + Math.floor((at0 - 12) / 0.5 + 1 + 1e-9) * 0.5));
      await expect(atRange).toBeFocused();
    },
  );

  // 4. Keyboard on the focused cut handle: +0.5°, then Shift +5° (one undo step: same key).
  const cutHandle = page.locator('svg.scene circle[data-handle=cut]');
  const phi0 = await phiOf(page);
  await interaction(
    page,
    `${name} arrows on the cut handle`,
    ['cut'],
    'keys',
    async () => {
      await cutHandle.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => phiOf(page)).toBeCloseTo(phi0 + 0.5, 9);
      await expect(cutHandle, 'the cut handle keeps the focus').toBeFocused();
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => phiOf(page)).toBeCloseTo(phi0 + 5.5, 9);
      expect(Number(await cutHandle.getAttribute('aria-valuenow'))).toBeCloseTo(phi0 + 5.5, 6);
    },
  );
  await blurAll(page);

  // 5. Drag the head fragment 40 px along the cut.
  const slideBeforeDrag = await controlValue(page, 'slide');
  const dir = await cutScreenDirection(page);
  const dragPx = 40;
  await interaction(
    page,
    `${name} drag the head along the cut`,
    ['head'],
    'buttons',
    async () => {
      const from = await headGrabPoint(page);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + dir.ux * dragPx, from.y + dir.uy * dragPx, { steps: 8 });
      await page.mouse.up();
    },
  );
  const slid = (await controlValue(page, 'slide')) - slideBeforeDrag;
  // The head follows the pointer along the cut (to within a pixel and the 0.01 mm quantum).
  expect(Math.abs(slid - dragPx / dir.pxPerMm), `${name}: slid ${slid} mm for ${dragPx} px`).toBeLessThan(
    1 / dir.pxPerMm + 0.011,
  );

  // 6. Drag the cut handle: turn it 10° about the axis crossing; undo and redo by shortcut.
  const phiBeforeTurn = await phiOf(page);
  const turn = phiBeforeTurn + 10 <= 180 ? 10 : -10;
  await interaction(
    page,
    `${name} drag the cut handle`,
    ['cut'],
    'keys',
    async () => {
      const points = await cutHandlePath(page, turn, 8);
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-handle]')?.getAttribute('data-handle') ?? null,
        points[0],
      );
      expect(hit, `${name}: the cut handle is on top at its centre`).toBe('cut');
      await page.mouse.move(points[0].x, points[0].y);
      await page.mouse.down();
      for (const p of points.slice(1)) await page.mouse.move(p.x, p.y, { steps: 2 });
      await page.mouse.up();
      await blurAll(page);
    },
  );
  const phiAfterTurn = await phiOf(page);
  expect(Math.abs(phiAfterTurn - (phiBeforeTurn + turn)), `${name}: φ ${phiBeforeTurn} → ${phiAfterTurn}`).toBeLessThan(
    0.3,
  );

  // Reset (Alt+R) returns to the state the page was opened with.
  await page.keyboard.press('Alt+R');
  expect(await snapshot(page), `${name}: Alt+R resets`).toEqual(initial);
  await expect(page.locator(`button[data-preset=${name}]`)).toHaveAttribute('aria-pressed', 'true');

  expect(errors, `${name}: no console error, page error or failed request`).toEqual([]);
}

// ------------------------------------------------------------------ layout

export type Overflow = { what: string; by: number };

/**
 * What sticks out (in mm, 0.1 mm rounding) of where it belongs: labels and handles out of the
 * viewBox, forces-inset contents out of the inset box, verdict text out of its badge (1 mm
 * padding).
 */
export async function overflows(page: Page): Promise<{ viewBox: Overflow[]; inset: Overflow[]; verdict: Overflow[] }> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.scene') as SVGSVGElement;
    const [x, y, w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    const outside = (bb: DOMRect, bx: number, by: number, bw: number, bh: number) =>
      Math.max(bx - bb.x, bb.x + bb.width - (bx + bw), by - bb.y, bb.y + bb.height - (by + bh));
    const round = (v: number) => Math.round(v * 10) / 10;
    const viewBox = [];
    for (const e of Array.from(svg.querySelectorAll<SVGGraphicsElement>('text, circle.handle'))) {
      const by = outside(e.getBBox(), x, y, w, h);
      if (by > 0) viewBox.push({ what: `${e.getAttribute('class')} "${e.textContent}"`, by: round(by) });
    }
    const box = (svg.querySelector('.inset-box') as SVGGraphicsElement).getBBox();
    const inset = [];
    for (const e of Array.from(svg.querySelectorAll<SVGGraphicsElement>('.inset path, .inset line, .inset text'))) {
      const by = outside(e.getBBox(), box.x, box.y, box.width, box.height);
      if (by > 0.01) inset.push({ what: `${e.tagName}.${e.getAttribute('class')}`, by: round(by) });
    }
    const badge = (svg.querySelector('.verdict-box') as SVGGraphicsElement).getBBox();
    const verdict = [];
    for (const e of Array.from(svg.querySelectorAll<SVGGraphicsElement>('.verdict text'))) {
      const by = outside(e.getBBox(), badge.x + 1, badge.y, badge.width - 2, badge.height);
      if (by > 0) verdict.push({ what: `"${e.textContent}"`, by: round(by) });
    }
    return { viewBox, inset, verdict };
  });
}
