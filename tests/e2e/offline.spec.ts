// The single-file build, dist/osteoviz.html (scripts/single-file.mjs, `make dist`),
// opened from file:// in an offline browser context: it must render and respond,
// log no errors, violate none of its own Content-Security-Policy, and make no
// request other than the file:// document itself (and data:/blob: URLs).
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cspViolations, watchCsp } from './quality-helpers';

const dist = join(process.cwd(), 'dist');
const single = join(dist, 'osteoviz.html');
const fileUrl = pathToFileURL(single).href;

test.beforeAll(() => {
  // `make build` writes osteoviz.html (scripts/single-file.mjs) from the same build as the rest
  // of dist/, before scripts/split.mjs rewrites index.html: it must be newer than the wasm.
  const wasm = readdirSync(dist).find((f) => /^osteoviz-web-[0-9a-f]{16}_bg\.wasm$/.test(f));
  expect(wasm, 'dist/ has the whole app\'s wasm').toBeTruthy();
  expect(existsSync(single), 'make build writes dist/osteoviz.html').toBe(true);
  expect(statSync(single).mtimeMs).toBeGreaterThanOrEqual(statSync(join(dist, wasm!)).mtimeMs);
});

type Watch = { errors: string[]; requests: string[] };

async function openOffline(context: BrowserContext, query = ''): Promise<{ page: Page; watch: Watch; ms: number }> {
  await watchCsp(context);
  const page = await context.newPage();
  const watch: Watch = { errors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => watch.errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => watch.errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('request', (req) => watch.requests.push(req.url()));

  const t0 = Date.now();
  await page.goto(fileUrl + query);
  await expect(page.locator('main#app svg.scene')).toBeVisible();
  const ms = Date.now() - t0;
  return { page, watch, ms };
}

async function expectClean(page: Page, watch: Watch, query: string) {
  const violations = await cspViolations(page);
  expect(violations, 'Content-Security-Policy violations').toEqual([]);
  expect(watch.errors, 'console errors and page errors').toEqual([]);
  // Only the document itself (a file:// URL, with its query) and data:/blob: URLs.
  const foreign = watch.requests.filter((u) => u !== fileUrl + query && !/^(data|blob):/.test(u));
  expect(foreign, 'requests other than the file:// document and data:/blob: URLs').toEqual([]);
}

test('dist/osteoviz.html works from file:// offline, under its CSP, with no request', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ offline: true, acceptDownloads: true, viewport: { width: 1920, height: 1080 } });
  try {
    const { page, watch, ms } = await openOffline(context);
    testInfo.annotations.push({ type: 'file:// load (goto → svg.scene visible)', description: `${ms} ms` });
    console.log(`osteoviz.html from file://: svg.scene visible after ${ms} ms`);

    // The page really is the single file: its strict CSP is in force.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");

    const rise = page.locator('output[data-outcome="head_rise_mm"]');
    await expect(rise).toHaveAttribute('data-value', /\S/);
    expect(Number.isFinite(Number(await rise.getAttribute('data-value')))).toBe(true);

    const readout = page.locator('output[data-outcome="cut_to_shaft_deg"]');
    await expect(readout).toHaveAttribute('data-value', '45');
    await page.locator('input[type=range][name=cut]').fill('90');
    await expect(readout).toHaveAttribute('data-value', '90');

    await page.screenshot({ path: testInfo.outputPath('offline-file.png') });

    // Exports build blob: URLs (and rasterise an SVG through an <img>) under the same CSP.
    const png = page.locator('button[name=export-png]');
    if ((await png.count()) > 0) {
      await page.locator('details.export > summary').click();
      const download = page.waitForEvent('download');
      await png.click();
      expect((await download).suggestedFilename()).toMatch(/\.png$/);
    }
    await expectClean(page, watch, '');
  } finally {
    await context.close();
  }
});

test('query keys work on file:// too: osteoviz.html?preset=weil', async ({ browser }) => {
  const context = await browser.newContext({ offline: true });
  try {
    const query = '?preset=weil';
    const { page, watch } = await openOffline(context, query);
    // Weil: cut parallel to the ground.
    await expect(page.locator('output[data-outcome="cut_to_ground_deg"]')).toHaveAttribute('data-value', '0');
    await expect(page.locator('button.preset[data-preset="weil"]')).toHaveAttribute('aria-pressed', 'true');
    await expectClean(page, watch, query);
  } finally {
    await context.close();
  }
});
