// The served release build (dist/, after scripts/csp.mjs) under its strict Content-Security-Policy,
// in every mode: the policy is the strict one, nothing violates it (securitypolicyviolation
// events, collected from the first byte), and once the page has loaded it makes no network
// request at all while it is used (sliders, keys, presets, theme, export to SVG and PNG).
import { test, expect } from '@playwright/test';
import {
  MODES,
  cspViolations,
  openMode,
  skipUnlessPresent,
  watchCsp,
  watchErrors,
  watchRequests,
} from './quality-helpers';

const STRICT = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
];

test('dist/index.html has a strict policy and no inline script or style', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(csp, 'a CSP <meta>').toBeTruthy();
  for (const directive of STRICT) expect(csp).toContain(directive);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  // Every script is a file of the site; no inline code or style.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    expect(m[1], 'script with a src').toMatch(/\bsrc=/);
    expect(m[2].trim(), 'no inline script text').toBe('');
  }
  expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
});

for (const mode of MODES) {
  test(`${mode.name}: no CSP violation and no network request after load`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      await watchCsp(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      const requests = watchRequests(page);
      await openMode(page, mode);
      await skipUnlessPresent(page, mode, testInfo);
      await page.waitForLoadState('networkidle');
      const atLoad = requests.length;

      // Use the page: a slider by keyboard, the cut handle, presets, the theme, exports.
      const cut = page.locator('input[type=range][name=cut]').first();
      if ((await cut.count()) > 0) {
        await cut.focus();
        for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
        await cut.fill('60');
      }
      const handle = page.locator('svg.scene [data-handle]').first();
      if ((await handle.count()) > 0) {
        await handle.focus();
        await page.keyboard.press('Shift+ArrowLeft');
      }
      const presets = page.locator('button.preset');
      for (let i = 0; i < (await presets.count()); i++) await presets.nth(i).click();
      const theme = page.locator('select[name=theme]');
      if ((await theme.count()) > 0) await theme.selectOption('dark');
      const summary = page.locator('details.export > summary');
      if ((await summary.count()) > 0) {
        await summary.click();
        for (const name of ['export-svg', 'export-png']) {
          const download = page.waitForEvent('download');
          await page.locator(`button[name=${name}]`).click();
          await download;
        }
      }
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(200);

      const after = requests.slice(atLoad).filter((u) => !/^(data|blob):/.test(u));
      expect(after, 'network requests after load').toEqual([]);
      // Before and at load: only the site's own files.
      const origin = new URL(page.url()).origin;
      const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(await cspViolations(page), 'CSP violations').toEqual([]);
      expect(errors, 'console and page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
}
