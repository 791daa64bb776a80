#!/usr/bin/env node
// Turns the release build in dist/ (scripts/page.mjs) into ONE self-contained page,
// dist/osteoviz.html, that works when opened from file:// with no network
// (copy it to a USB stick and double-click it). `make dist` runs it.
//
//   node scripts/single-file.mjs [--dist DIR] [--out FILE]
//
// Defaults: --dist <repo>/dist, --out <dist>/osteoviz.html. Node 20, no dependencies.
//
// What it does, from what dist/index.html references:
//   * keeps the <head> metadata (charset, viewport, description, title, icon) and the <body>;
//   * inlines every stylesheet as its own <style> element;
//   * inlines the wasm-bindgen `--target web` glue in ONE <script type="module">:
//     its `export` statements are removed (the default export, `__wbg_init`, is
//     then called locally) and the default wasm path
//     `new URL('…_bg.wasm', import.meta.url)` is neutralised, because the bytes are
//     passed in: `await __wbg_init({ module_or_path: bytes })` (asynchronous
//     WebAssembly.instantiate, off the main thread);
//   * stores the wasm as base64 in a non-executed data block,
//     <script type="application/octet-stream" id="osteoviz-wasm">, decoded at start
//     (the module script stays small, and the JS parser never sees a 400 kB literal);
//   * adds a strict Content-Security-Policy <meta> with the sha256 of every inline
//     <script> and <style> element (computed here over their exact text), and
//     'wasm-unsafe-eval' for WebAssembly compilation. No request leaves the page.
//
// It fails loudly (exit 1) on anything it cannot inline safely: glue that imports
// other modules (wasm-bindgen snippets), CSS with url()/@import, or a reference
// that does not resolve to a file in dist/.

import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { dist: join(repo, 'dist'), out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--dist') opts.dist = resolve(value());
    else if (a === '--out') opts.out = resolve(value());
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/single-file.mjs [--dist DIR] [--out FILE]');
      process.exit(0);
    } else fail(`unknown argument: ${a}`);
  }
  opts.out ??= join(opts.dist, 'osteoviz.html');
  return opts;
}

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

const opts = parseArgs(process.argv.slice(2));
const t0 = process.hrtime.bigint();

// ------------------------------------------------------------------ inputs

/** Text as the HTML parser will see it (it turns CR LF and CR into LF before hashing). */
const normalise = (s) => s.replace(/\r\n?/g, '\n');

function readDist(ref, what) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) {
    fail(`${what} ${ref} is not a relative URL into dist/`);
  }
  const path = resolve(opts.dist, decodeURIComponent(ref.replace(/[?#].*$/, '')));
  if (path !== opts.dist && !path.startsWith(opts.dist + sep)) fail(`${what} ${ref} points outside dist/`);
  try {
    statSync(path);
  } catch {
    fail(`${what} ${ref} not found (${relative(process.cwd(), path)}); run \`make build\` first`);
  }
  return path;
}

const indexPath = join(opts.dist, 'index.html');
let indexHtml;
try {
  indexHtml = normalise(readFileSync(indexPath, 'utf8'));
} catch {
  fail(`${relative(process.cwd(), indexPath)} not found; run \`make build\` first`);
}

const headMatch = /<head>([\s\S]*?)<\/head>/i.exec(indexHtml);
const bodyMatch = /<body>([\s\S]*?)<\/body>/i.exec(indexHtml);
if (!headMatch || !bodyMatch) fail('dist/index.html has no <head> or <body>');
let head = headMatch[1];

const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

// Stylesheets, in document order (the cascade depends on it).
const stylesheets = [];
head = head.replace(/<link\b[^>]*>/gi, (tag) => {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase();
  if (rel === 'stylesheet') {
    stylesheets.push(readDist(attr(tag, 'href'), 'stylesheet'));
    return '';
  }
  // Preloads of the glue and the wasm: both are inlined below.
  if (rel === 'modulepreload' || rel === 'preload') return '';
  return tag; // e.g. <link rel="icon" href="data:,">
});

// The served page's policy (scripts/csp.mjs) allows files from 'self'; this page gets its own.
head = head.replace(/<meta\s+http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/gi, '');

// The loader: `import init, * as bindings from './x.js'; await init({ module_or_path: './x_bg.wasm' })`,
// in its own file (scripts/page.mjs), or inline as trunk writes it.
let gluePath;
let wasmPath;
head = head.replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, (tag, inline) => {
  const src = attr(tag, 'src');
  const body = src ? readFileSync(readDist(src, 'loader script'), 'utf8') : inline;
  const imp = /\bfrom\s*['"]([^'"]+\.js)['"]/.exec(body);
  const wasmRef = /['"]([^'"]+\.wasm)['"]/.exec(body);
  if (!imp || !wasmRef) fail(`unexpected inline script in dist/index.html:\n${tag}`);
  gluePath = readDist(imp[1], 'glue');
  wasmPath = readDist(wasmRef[1], 'wasm');
  return '';
});
if (!gluePath || !wasmPath) fail('dist/index.html does not load a wasm-bindgen glue module');
if (/<script\b/i.test(bodyMatch[1].replace(/<noscript>[\s\S]*?<\/noscript>/gi, ''))) {
  fail('dist/index.html has a <script> in <body>; teach scripts/single-file.mjs about it');
}

// ------------------------------------------------------------------ glue

let glue = normalise(readFileSync(gluePath, 'utf8'));

const importStmt = /^\s*import\b[^;]*?(?:from\s*)?['"][^'"]+['"]\s*;?/m.exec(glue);
if (importStmt) {
  fail(`the glue imports another module (${importStmt[0].trim()}); inline wasm-bindgen snippets are not supported`);
}

// Exports: `export { a, b as default };` and `export function|class|const|let|var name`.
const bindings = []; // [exported name, local name]
glue = glue.replace(/^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm, (_, list) => {
  for (const spec of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(spec);
    if (!m) fail(`cannot parse export specifier "${spec}" in the glue`);
    bindings.push([m[2] ?? m[1], m[1]]);
  }
  return '';
});
glue = glue.replace(
  /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm,
  (_, kind, name) => {
    bindings.push([name, name]);
    return `${kind} ${name}`;
  },
);
if (/^\s*export\b/m.test(glue)) fail('the glue has an export statement this script does not understand');
const init = bindings.find(([exported]) => exported === 'default')?.[1];
if (!init) fail('the glue has no default export (the wasm-bindgen init function)');

// The default wasm location is only used when no module_or_path is passed; we
// always pass bytes. Neutralise it so nothing can ever try to fetch a file.
let defaultPaths = 0;
glue = glue.replace(/new\s+URL\(\s*(['"`])[^'"`]*\.wasm\1\s*,\s*import\.meta\.url\s*\)/g, () => {
  defaultPaths++;
  return 'undefined /* single file: the wasm bytes are passed to init */';
});
if (defaultPaths === 0) console.warn('single-file: note: no default `new URL(…_bg.wasm, import.meta.url)` in the glue');
if (/import\.meta/.test(glue)) fail('the glue still uses import.meta after inlining');

// ------------------------------------------------------------------ assemble

// Inside <script> and <style> the HTML parser only looks for `</script` / `</style`
// (and `<!--` + `<script` in scripts). Escape them in JS (valid in strings, regexps,
// templates and comments); refuse them in CSS.
const scriptText = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const styleText = (css, path) => {
  if (/<\/style/i.test(css)) fail(`${basename(path)} contains "</style"`);
  if (/@import\b|url\(\s*(?!['"]?data:)/i.test(css)) fail(`${basename(path)} references another file (url()/@import)`);
  return css;
};

const styles = stylesheets.map((p) => styleText(normalise(readFileSync(p, 'utf8')), p).trim());
const wasmBytes = readFileSync(wasmPath);
const wasmBase64 = wasmBytes.toString('base64');
const exportsObject = bindings.map(([exported, local]) => `${exported}: ${local}`).join(', ');

const module = scriptText(`${glue.trimEnd()}

// ---- single file (scripts/single-file.mjs): the wasm comes from the data block below.
function osteovizWasmBytes() {
  const base64 = document.getElementById('osteoviz-wasm').textContent.trim();
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
const osteovizExports = await ${init}({ module_or_path: osteovizWasmBytes() });
window.wasmBindings = { ${exportsObject} };
dispatchEvent(new CustomEvent('osteoviz:started', { detail: { wasm: osteovizExports } }));
`);

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(module)} 'wasm-unsafe-eval'`,
  `style-src ${styles.map(sha256).join(' ')}`,
  'img-src data: blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Keep the metadata; the CSP <meta> goes right after <meta charset> so that it
// governs every element after it.
const metadata = head
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean)
  .map((l) => `    ${l}`)
  .join('\n');
const cspMeta = `    <meta http-equiv="Content-Security-Policy" content="${csp}" />`;
const headOut = /<meta\s+charset[^>]*>/i.test(metadata)
  ? metadata.replace(/(^.*<meta\s+charset[^>]*>.*$)/im, `$1\n${cspMeta}`)
  : `    <meta charset="utf-8" />\n${cspMeta}\n${metadata}`;

const htmlTag = /<html\b[^>]*>/i.exec(indexHtml)?.[0] ?? '<html>';
const html = `<!doctype html>
${htmlTag}
  <head>
${headOut}
${styles.map((css) => `    <style>${css}</style>`).join('\n')}
    <script type="module">${module}</script>
  </head>
  <body>
    ${bodyMatch[1].trim()}
    <script type="application/octet-stream" id="osteoviz-wasm">${wasmBase64}</script>
  </body>
</html>
`;

// Atomic replace: a browser (or test) reading the file never sees half of it.
const tmp = `${opts.out}.tmp-${process.pid}`;
writeFileSync(tmp, html);
renameSync(tmp, opts.out);

const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(
  `single-file: ${relative(process.cwd(), opts.out)}: ${Buffer.byteLength(html)} bytes ` +
    `(wasm ${wasmBytes.length} bytes as ${wasmBase64.length} base64, glue ${basename(gluePath)}, ` +
    `${styles.length} stylesheet(s)) in ${ms.toFixed(0)} ms`,
);
