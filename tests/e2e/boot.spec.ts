// The page's boot script (scripts/split.mjs) reads the URL as the app does: every URL of
// tests/plan-urls.tsv (case, `;` separators, percent escapes) boots the bundle the app's own
// `is_plan_query` asks for (tests/plan.rs checks the same corpus against the Rust): the whole
// app for a plan, the single-ray bundle otherwise.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

test('the boot script and the app agree on which URLs are plans', async ({ page }, testInfo) => {
  testInfo.setTimeout(120_000);
  const root = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
  const corpus = readFileSync(join(root, 'tests', 'plan-urls.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]);
  expect(corpus.length).toBeGreaterThanOrEqual(20);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  for (const [query, expected] of corpus) {
    await page.goto(`./${query}`);
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')),
    );
    await expect(page.locator('svg.scene').first()).toBeVisible();
    const wasm = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name.split('/').pop() ?? '')
        .filter((f) => f.endsWith('.wasm')),
    );
    const bundle = wasm.every((f) => /^osteoviz-web-[0-9a-f]{16}_bg\.wasm$/.test(f)) ? 'plan' : 'ray';
    expect.soft(`${query} → ${bundle}`).toBe(`${query} → ${expected}`);
    if (expected === 'plan') await expect.soft(page.locator('svg.plan-top'), query).toBeVisible();
  }
  expect(errors).toEqual([]);
});
