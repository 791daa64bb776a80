#!/usr/bin/env node
// Totals the test suites run by `make test` from target/test-logs/:
//   NAME.log + NAME.status  written by scripts/run-suite.sh
//   playwright.json         written by Playwright's json reporter (suite e2e)
// Cargo suites (libtest and wasm-bindgen-test-runner) are counted from their
// "test result: ..." lines. A suite that exited non-zero without reporting a
// failed test (a build error, a crash, a timeout) counts as one failure, and so does a
// suite that did not run (NAME.skipped says why: no browser, see scripts/browser-deps.sh).
// Prints one line per suite, then exactly one line "N passed, N failed".
// Exits non-zero if anything failed or if no test ran at all.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const logs = process.argv[2] ?? 'target/test-logs';
const suites = [
  { name: 'lint', title: 'lint (fmt + clippy)', kind: 'gate' },
  { name: 'native', title: 'cargo test (native)', kind: 'cargo' },
  { name: 'wasm', title: 'cargo test (wasm32, headless Chromium)', kind: 'cargo' },
  { name: 'e2e', title: 'playwright (release dist, Chromium)', kind: 'playwright' },
];

const read = (file) => (existsSync(join(logs, file)) ? readFileSync(join(logs, file), 'utf8') : null);

function cargoCounts(text) {
  const counts = { passed: 0, failed: 0, skipped: 0, results: 0 };
  const re = /test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/g;
  for (const m of text.matchAll(re)) {
    counts.passed += Number(m[1]);
    counts.failed += Number(m[2]);
    counts.skipped += Number(m[3]);
    counts.results += 1;
  }
  return counts;
}

function playwrightCounts() {
  const text = read('playwright.json');
  if (text === null) return { passed: 0, failed: 0, skipped: 0, results: 0 };
  try {
    const { stats, errors = [] } = JSON.parse(text);
    return {
      passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
      failed: (stats.unexpected ?? 0) + errors.length,
      skipped: stats.skipped ?? 0,
      results: 1,
    };
  } catch (e) {
    return { passed: 0, failed: 1, skipped: 0, results: 0, note: `unreadable playwright.json: ${e.message}` };
  }
}

let passed = 0;
let failed = 0;
let ran = 0;
console.log('---- test summary ----');
for (const suite of suites) {
  const statusText = read(`${suite.name}.status`);
  if (statusText === null) {
    // Never a silent skip: a suite that did not run (no browser, an earlier stop) fails.
    const why = read(`${suite.name}.skipped`);
    console.log(`  ${suite.title}: ${why ? `skipped (${why.trim()})` : 'not run'}: counted as 1 failure`);
    failed += 1;
    continue;
  }
  const status = Number(statusText.trim());
  ran += 1;
  if (suite.kind === 'gate') {
    if (status !== 0) failed += 1;
    console.log(`  ${suite.title}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`}`);
    continue;
  }
  const c = suite.kind === 'cargo' ? cargoCounts(read(`${suite.name}.log`) ?? '') : playwrightCounts();
  let extra = '';
  if (status !== 0 && c.failed === 0) {
    c.failed = 1;
    extra = ` (suite exited ${status} without a failing test: counted as 1 failure)`;
  }
  if (c.note) extra += ` (${c.note})`;
  passed += c.passed;
  failed += c.failed;
  console.log(`  ${suite.title}: passed ${c.passed} / failed ${c.failed} / skipped ${c.skipped}${extra}`);
}
if (ran > 0 && passed === 0 && failed === 0) {
  console.log('  no test ran: counted as 1 failure');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && ran > 0 ? 0 : 1);
