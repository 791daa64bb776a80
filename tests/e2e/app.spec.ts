import { test, expect, type Page, type Locator } from '@playwright/test';

type Line = { x1: number; y1: number; x2: number; y2: number };

async function lineOf(locator: Locator): Promise<Line> {
  const attrs = await locator.evaluate((el) => ({
    x1: el.getAttribute('x1'),
    y1: el.getAttribute('y1'),
    x2: el.getAttribute('x2'),
    y2: el.getAttribute('y2'),
  }));
  const line = {
    x1: Number(attrs.x1),
    y1: Number(attrs.y1),
    x2: Number(attrs.x2),
    y2: Number(attrs.y2),
  };
  for (const v of Object.values(line)) expect(Number.isFinite(v)).toBe(true);
  return line;
}

/** Angle of the line in SVG user space, in degrees (y down). */
function angleDeg(l: Line): number {
  return (Math.atan2(l.y2 - l.y1, l.x2 - l.x1) * 180) / Math.PI;
}

function collectErrors(page: Page): string[] {
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

test('the page renders the scene, and the cut slider moves the cut line', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await page.goto('./');

  const app = page.locator('main#app');
  await expect(app).toBeVisible();
  const svg = app.locator('svg.scene');
  await expect(svg).toBeVisible();
  expect(await svg.getAttribute('viewBox')).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);

  const slider = page.locator('input[type=range][name=cut]');
  await expect(slider).toHaveAttribute('id', 'control-cut');
  await expect(page.locator('label[for=control-cut]')).toContainText('Cut angle to the shaft');
  await expect(slider).toHaveAttribute('min', '0');
  await expect(slider).toHaveAttribute('max', '180');
  await expect(slider).toHaveAttribute('step', '0.5');
  await expect(slider).toHaveValue('45');
  await expect(slider).toHaveAttribute('aria-valuetext', '45.0°');

  const readout = page.locator('output[data-outcome="cut_to_shaft_deg"]');
  await expect(readout).toHaveAttribute('data-value', '45');
  await expect(readout).toHaveText('45.0°');

  const cut = svg.locator('g.cut line.cut-line');
  const before = await lineOf(cut);

  // Drag-free change: set the value (fires input + change events).
  await slider.fill('60');
  await expect(readout).toHaveAttribute('data-value', '60');
  await expect(slider).toHaveAttribute('aria-valuetext', '60.0°');
  const at60 = await lineOf(cut);
  expect(at60).not.toEqual(before);
  // The line turned by the slider change (15° between 45° and 60°).
  const turned = Math.abs(angleDeg(at60) - angleDeg(before));
  expect(Math.min(turned, 360 - turned)).toBeCloseTo(15, 1);

  // Keyboard: one step of 0.5°.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(readout).toHaveAttribute('data-value', '60.5');
  await expect(readout).toHaveText('60.5°');
  const after = await lineOf(cut);
  expect(after).not.toEqual(at60);

  await page.screenshot({ path: testInfo.outputPath('app-1920x1080.png'), fullPage: false });
  expect(errors).toEqual([]);
});
