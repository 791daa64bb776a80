#!/usr/bin/env node
// First post-build step of `make build`: writes dist/ from the page template www/index.html and
// the whole app's wasm-bindgen output, as trunk would (`make serve` still uses trunk, on demand,
// with the same template), so the release build needs no trunk.
//
//   node scripts/page.mjs [--template FILE] [--app DIR] [--dist DIR]
//
// Defaults: --template www/index.html, --app target/web/app (osteoviz-web.js and
// osteoviz-web_bg.wasm from `wasm-bindgen --target web` then `wasm-opt`), --dist dist (emptied
// first). The template's trunk directives become:
//   <link data-trunk rel="css" href="F">        → dist/NAME-HASH.css and a <link rel=stylesheet>
//                                                  with an integrity hash, in place;
//   <link data-trunk rel="copy-file" href="F">  → dist/BASENAME (the embed script);
//   <link data-trunk rel="rust" …>              → dist/osteoviz-web-HASH{.js,_bg.wasm} and a
//                                                  loader file start-HASH.js (import the glue,
//                                                  init it with the .wasm, fire
//                                                  `osteoviz:started`) referenced with an
//                                                  integrity hash, at the end of <head>.
// HASH: the first 16 hex digits of the file's sha256. Any other data-trunk link fails the step.
// Then scripts/csp.mjs adds the policy, single-file.mjs writes osteoviz.html and split.mjs adds
// the single-ray bundles.

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { integrity, pathArg, short } from './dist-hash.mjs';

function fail(message) {
  console.error(`page: ${message}`);
  process.exit(1);
}

const templatePath = pathArg('--template', 'www/index.html');
const app = pathArg('--app', 'target/web/app');
const dist = pathArg('--dist', 'dist');

const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];

let html;
try {
  html = readFileSync(templatePath, 'utf8');
} catch {
  fail(`${templatePath} not found`);
}
const glue = join(app, 'osteoviz-web.js');
const wasm = join(app, 'osteoviz-web_bg.wasm');
if (!existsSync(glue) || !existsSync(wasm)) fail(`${app} has no osteoviz-web bundle; run \`make build\``);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

let loaderTag = null;
html = html.replace(/[ \t]*<link\s+data-trunk\b[^>]*>\n?/gi, (tag) => {
  const rel = attr(tag, 'rel');
  const href = attr(tag, 'href');
  const indent = /^[ \t]*/.exec(tag)[0];
  const source = href && resolve(dirname(templatePath), href);
  if (rel === 'css') {
    const css = readFileSync(source);
    const name = `${basename(source, extname(source))}-${short(css)}.css`;
    writeFileSync(join(dist, name), css);
    return `${indent}<link rel="stylesheet" href="./${name}" integrity="${integrity(css)}"/>\n`;
  }
  if (rel === 'copy-file') {
    copyFileSync(source, join(dist, basename(source)));
    return '';
  }
  if (rel === 'rust') {
    const wasmBytes = readFileSync(wasm);
    const glueText = readFileSync(glue, 'utf8');
    const stem = `osteoviz-web-${short(Buffer.concat([wasmBytes, Buffer.from(glueText)]))}`;
    writeFileSync(join(dist, `${stem}_bg.wasm`), wasmBytes);
    writeFileSync(join(dist, `${stem}.js`), glueText);
    const loader =
      `import init, * as bindings from './${stem}.js';\n` +
      `const wasm = await init({ module_or_path: './${stem}_bg.wasm' });\n` +
      `window.wasmBindings = bindings;\n` +
      `dispatchEvent(new CustomEvent('osteoviz:started', { detail: { wasm } }));\n`;
    const name = `start-${short(loader)}.js`;
    writeFileSync(join(dist, name), loader);
    loaderTag = `${indent}<script type="module" src="./${name}" integrity="${integrity(loader)}"></script>\n`;
    return '';
  }
  fail(`unsupported directive in ${templatePath}: ${tag.trim()}`);
});
if (loaderTag === null) fail(`${templatePath} has no <link data-trunk rel="rust">`);
html = html.replace(/([ \t]*)<\/head>/i, `${loaderTag}$1</head>`);

writeFileSync(join(dist, 'index.html'), html);
console.log(`page: ${join(dist, 'index.html')} from ${templatePath} and ${app}`);
