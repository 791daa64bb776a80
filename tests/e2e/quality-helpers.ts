// Shared by the quality checks (csp.spec.ts, a11y.spec.ts, ui-fuzz.spec.ts): the page's modes,
// and watchers for errors, Content-Security-Policy violations and network requests.
import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

export type Mode = {
  name: string;
  /** The URL query (without '?'). */
  query: string;
  /** A selector that shows the mode is there (a feature that has not landed is skipped). */
  marker?: string;
};

/** Every mode of the page: the themes, slide embedding (with controls) and the forefoot plan. */
export const MODES: Mode[] = [
  { name: 'light', query: '' },
  { name: 'dark', query: 'theme=dark' },
  { name: 'projector', query: 'theme=projector' },
  { name: 'embed', query: 'embed=1&controls=ref,cut,at,kerf,close,slide,tilt&theme=projector' },
  { name: 'plan', query: 'plan=m2m3m4', marker: 'svg.plan-top' },
  { name: 'lesson', query: 'lesson=position&step=5', marker: '.lesson-panel' },
];

/** Skips the test when the mode's feature is not in this build (e.g. the forefoot plan). */
export async function skipUnlessPresent(page: Page, mode: Mode, testInfo: TestInfo) {
  if (!mode.marker) return;
  const present = (await page.locator(mode.marker).count()) > 0;
  if (!present) {
    testInfo.annotations.push({ type: 'skip', description: `${mode.name}: ${mode.marker} not in this build` });
  }
  testInfo.skip(!present, `${mode.name} mode is not in this build (${mode.marker} missing)`);
}

type Violation = { directive: string; blockedURI: string; source: string; sample: string };

declare global {
  interface Window {
    __cspViolations: Violation[];
  }
}

/** Collects securitypolicyviolation events of every page of the context, from the start. */
export async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({
        directive: e.violatedDirective,
        blockedURI: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        sample: e.sample,
      });
    });
  });
}

export const cspViolations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

/** Console errors, page errors (a Rust panic is one) and failed requests. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A frame's load (its page or a file of it) cut short by the frame's next page (the embed
    // panel's preview follows the state) is not a failure: the newer load replaced it.
    const superseded = req.frame() !== page.mainFrame() && req.failure()?.errorText === 'net::ERR_ABORTED';
    if (!superseded) errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`);
  });
  return errors;
}

/** Every request the page makes (data: and blob: URLs included: the caller filters). */
export function watchRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  return requests;
}

/** Opens a mode and waits for the drawing. */
export async function openMode(page: Page, mode: Mode) {
  await page.goto(mode.query ? `./?${mode.query}` : './');
  await expect(page.locator('main#app svg.scene').first()).toBeVisible();
}

/** The verdict names a readout may hold instead of a number. */
export const VERDICTS = [
  'no_contact', 'held', 'slides_proximal', 'slides_distal', 'slides_dorsal', 'slides_plantar',
  'tips_dorsal', 'tips_plantar', 'glides', 'separates',
];

/** Every `output[data-value]` of the page, by `data-outcome` (several per key in plan mode). */
export async function readouts(page: Page): Promise<[string, string][]> {
  return page.locator('output[data-value]').evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-outcome') ?? '?', e.getAttribute('data-value') ?? '']),
  );
}
