// Debian's Chromium as root, headless, on a machine without a network beyond the package
// registries: the one list of flags for Playwright (playwright.config.ts), `make bench`
// (scripts/bench.mjs) and scripts/screenshot.mjs.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
