#!/usr/bin/env node
// Post-build step of `make build` (after scripts/csp.mjs and scripts/single-file.mjs): the page
// loads the smaller single-ray bundle unless its URL asks for a forefoot plan.
//
//   node scripts/split.mjs [--dist DIR] [--ray DIR]
//
// dist/index.html starts the whole app (`osteoviz-web`: the single-ray page and the forefoot
// plan page) through start-HASH.js (scripts/page.mjs). The Makefile also builds the same
// binary without its `plan` and `about-panel` features (the single-ray page only: no plan
// views, model or text) once per language, the same way, into target/web/ray/LANG/. This step
//   * copies those bundles (one per interface language, target/ray/LANG) into dist/ with
//     content-hashed names;
//   * writes boot-HASH.js, which picks a bundle from the URL exactly as the app decides which
//     page to show (state::plan::is_plan_query: a `plan` key or a per-ray key such as
//     `m3.cut`): the whole app, with the plan's stylesheets, for a plan; the single-ray bundle
//     otherwise;
//   * points index.html at boot-HASH.js (with an integrity hash), and drops any preloads of
//     the whole app and the plan's <link rel=stylesheet> (boot adds them on a plan page), so a
//     single-ray page downloads nothing of the plan.
// Then it minifies what the pages load (terser for the two wasm-bindgen glues, csso for the
// stylesheets, both from npm, pinned): names and whitespace only, −2 kB gzip; the stylesheets'
// integrity hashes in index.html follow.
// dist/osteoviz.html (single-file.mjs, run before this step) keeps the whole app. Idempotent.

import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integrity, pathArg, short } from './dist-hash.mjs';
import { minify as minifyCss } from 'csso';
import { minify as minifyJs } from 'terser';

function fail(message) {
  console.error(`split: ${message}`);
  process.exit(1);
}

const dist = pathArg('--dist', 'dist');
const ray = pathArg('--ray', 'target/web/ray');
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');


// The single-ray bundles, one per interface language, under content-hashed names (older copies
// removed).
for (const f of readdirSync(dist)) {
  if (/^(osteoviz-web-ray-([a-z]{2}-)?[0-9a-f]{16}(_bg\.wasm|\.js)|boot-[0-9a-f]{16}\.js)$/.test(f)) rmSync(join(dist, f));
}
const LANGS = ['en', 'fr', 'es'];
const stems = {};
let wasmBytes;
for (const lang of LANGS) {
  const rayGlue = join(ray, lang, 'osteoviz-web.js');
  const rayWasm = join(ray, lang, 'osteoviz-web_bg.wasm');
  if (!existsSync(rayGlue) || !existsSync(rayWasm)) fail(`${ray}/${lang} has no single-ray bundle; run \`make build\``);
  const bytes = readFileSync(rayWasm);
  const glueText = readFileSync(rayGlue, 'utf8');
  const stem = `osteoviz-web-ray-${lang}-${short(Buffer.concat([bytes, Buffer.from(glueText)]))}`;
  copyFileSync(rayWasm, join(dist, `${stem}_bg.wasm`));
  writeFileSync(join(dist, `${stem}.js`), glueText);
  stems[lang] = stem;
  if (lang === 'en') wasmBytes = bytes;
}

// The whole app's loader (scripts/page.mjs).
const startTag = /<script type="module" src="\.\/(start-[0-9a-f]{16}\.js)"[^>]*><\/script>/.exec(html);
const bootTag = /<script type="module" src="\.\/boot-[0-9a-f]{16}\.js"[^>]*><\/script>/.exec(html);
let start;
let planSheets;
if (startTag) {
  start = startTag[1];
  planSheets = [];
  html = html.replace(/\s*<link rel="stylesheet" href="\.\/(plan-[0-9a-f]{16}\.css)"[^>]*\/?>/g, (_, href) => {
    planSheets.push(href);
    return '';
  });
  // Preloads of the whole app (trunk writes them): a single-ray page must not download it.
  html = html.replace(/<link rel="(modulepreload|preload)" href="\.\/osteoviz-web-[0-9a-f]{16}(_bg\.wasm|\.js)"[^>]*>/g, '');
} else if (bootTag) {
  // Already split: read the previous choices back from the boot loader.
  const previous = readFileSync(join(dist, /src="\.\/([^"]+)"/.exec(bootTag[0])[1]), 'utf8');
  // (Minified: the names are gone, the file names are not.)
  start = /start-[0-9a-f]{16}\.js/.exec(previous)[0];
  planSheets = [...new Set(previous.match(/plan-[0-9a-f]{16}\.css/g) ?? [])];
} else {
  fail('dist/index.html has neither the start loader nor a boot loader; run scripts/csp.mjs first');
}
if (!existsSync(join(dist, start))) fail(`dist/${start} is missing`);

const boot = `// Chooses the bundle for this page (scripts/split.mjs): a forefoot plan (and the About panel,
// \`about=1\`, the embed panel, \`panel=embed\`, side by side, \`compare=\`, to which the single-ray page links, and a lesson, \`lesson=\` or \`#lesson=\`) needs the whole app, a single ray the smaller
// bundle of its interface language. The URL is read as the app reads it (state::query::pairs:
// split on & and ;, %XX only with two hex digits, + a space, keys trimmed and in ASCII lower
// case; state::plan::is_plan_query: a \`plan\` key or a per-ray key such as \`m3.cut\`;
// ui::AppModel::lang: the last valid \`lang=\`, else the browser's language, else English).
// tests/plan-urls.tsv holds URLs both must read alike (tests/plan.rs, tests/e2e/boot.spec.ts).
const PLAN_STYLESHEETS = ${JSON.stringify(planSheets)};
const RAY = ${JSON.stringify(stems)};
const hex = (b) => (b >= 48 && b <= 57 ? b - 48 : b >= 65 && b <= 70 ? b - 55 : b >= 97 && b <= 102 ? b - 87 : -1);
const decode = (s) => {
  const bytes = new TextEncoder().encode(s);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 43) out.push(32);
    else if (b === 37 && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
      out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
      i += 2;
    } else out.push(b);
  }
  return new TextDecoder().decode(new Uint8Array(out));
};
const pairs = location.search
  .trim()
  .replace(/^[?#]+/, '')
  .split(/[&;]/)
  .filter((p) => p.trim() !== '')
  .map((p) => {
    const at = p.indexOf('=');
    return [
      decode(at < 0 ? p : p.slice(0, at)).trim().replace(/[A-Z]/g, (c) => c.toLowerCase()),
      decode(at < 0 ? '' : p.slice(at + 1)).trim(),
    ];
  });
if (pairs.some(([k]) => /^(plan|about|panel|compare|lesson|m[0-9]\\..*)$/.test(k)) || /^#lesson=/.test(location.hash)) {
  for (const href of PLAN_STYLESHEETS) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = './' + href;
    document.head.append(link);
  }
  await import('./${start}');
} else {
  const language = (tag) => {
    const primary = String(tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
    return Object.hasOwn(RAY, primary) ? primary : null;
  };
  let lang = null;
  for (const [key, value] of pairs) {
    if (key === 'lang') lang = language(value) ?? lang;
  }
  const stem = RAY[lang ?? language(navigator.language) ?? 'en'];
  const { default: init, ...bindings } = await import('./' + stem + '.js');
  const wasm = await init({ module_or_path: './' + stem + '_bg.wasm' });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('osteoviz:started', { detail: { wasm } }));
}
`;
// Minified as the glues are: its comments are for this file's readers, not the page's.
const bootCode = (await minifyJs(boot, { module: true, compress: true, mangle: true })).code;
const bootName = `boot-${short(bootCode)}.js`;
writeFileSync(join(dist, bootName), bootCode);
const tag = `<script type="module" src="./${bootName}" integrity="${integrity(bootCode)}"></script>`;
html = startTag ? html.replace(startTag[0], tag) : html.replace(bootTag[0], tag);

// Minified glues (the whole app's is imported by start-HASH.js without an integrity hash) and
// stylesheets (their integrity hashes updated).
for (const f of readdirSync(dist).filter((f) => /^osteoviz-web-(ray-[a-z]{2}-)?[0-9a-f]{16}\.js$/.test(f))) {
  const path = join(dist, f);
  const out = await minifyJs(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(path, out.code);
}
for (const f of readdirSync(dist).filter((f) => /^[a-z]+-[0-9a-f]{16}\.css$/.test(f))) {
  const path = join(dist, f);
  const css = minifyCss(readFileSync(path, 'utf8'), { restructure: false }).css;
  writeFileSync(path, css);
  html = html.replace(new RegExp(`(href="\\./${f}" integrity=")[^"]*"`), `$1${integrity(css)}"`);
}

const tmp = `${indexPath}.tmp-${process.pid}`;
writeFileSync(tmp, html);
renameSync(tmp, indexPath);
console.log(
  `split: dist/index.html boots ${Object.values(stems).join(', ')} (${wasmBytes.length} bytes of English wasm) for a single ray, ${start} for a plan` +
    ` (stylesheets ${planSheets.join(', ')})`,
);
