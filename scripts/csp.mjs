#!/usr/bin/env node
// Post-build step of `make build`: gives dist/index.html a strict Content-Security-Policy.
//
//   node scripts/csp.mjs [--dist DIR]
//
// scripts/page.mjs writes the loader that starts the app into its own file, start-HASH.js.
// Should the page ever get an inline module script (trunk writes its loader inline), it would
// need 'unsafe-inline' or a hash in the policy, so this moves it, unchanged, into
// dist/start-HASH.js (referenced with an integrity hash), then puts the policy right after
// <meta charset>:
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none';
//   form-action 'none'
//
// 'wasm-unsafe-eval' lets the page compile its WebAssembly; data: is the empty favicon
// (<link rel="icon" href="data:,">); blob: is the PNG export (an exported SVG drawn into a
// canvas through an <img>). No inline script or style is allowed: the step fails if the page
// has any other inline <script>, a <style> element or a style="" attribute. Idempotent.
// (`make serve`, trunk's dev server, is not post-processed: its live-reload script is inline.)

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integrity, pathArg, short } from './dist-hash.mjs';

export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function fail(message) {
  console.error(`csp: ${message}`);
  process.exit(1);
}

const dist = pathArg('--dist', 'dist');
const indexPath = join(dist, 'index.html');
let html;
try {
  html = readFileSync(indexPath, 'utf8');
} catch {
  fail(`${indexPath} not found; run scripts/page.mjs first`);
}

let moved = null;
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs)) return tag;
  if (/type\s*=\s*["']?application\/(json|octet-stream)/i.test(attrs)) return tag; // data, not code
  if (moved !== null) fail('more than one inline script in dist/index.html');
  if (!/type\s*=\s*["']?module/i.test(attrs)) fail(`unexpected inline script: ${tag.slice(0, 200)}`);
  const name = `start-${short(body)}.js`;
  writeFileSync(join(dist, name), body);
  moved = name;
  return `<script type="module" src="./${name}" integrity="${integrity(body)}"></script>`;
});
if (/<style\b/i.test(html)) fail('dist/index.html has a <style> element');
if (/\sstyle\s*=/i.test(html)) fail('dist/index.html has a style="" attribute');
if (/\son[a-z]+\s*=/i.test(html)) fail('dist/index.html has an inline event handler attribute');

const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`;
if (html.includes('http-equiv="Content-Security-Policy"')) {
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, meta);
} else {
  if (!/<meta\s+charset[^>]*>/i.test(html)) fail('dist/index.html has no <meta charset>');
  html = html.replace(/(<meta\s+charset[^>]*>)/i, `$1\n    ${meta}`);
}

const tmp = `${indexPath}.tmp-${process.pid}`;
writeFileSync(tmp, html);
renameSync(tmp, indexPath);
console.log(`csp: dist/index.html: ${moved ? `loader moved to ${moved}, ` : ''}policy ${POLICY}`);
