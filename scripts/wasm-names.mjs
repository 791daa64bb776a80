#!/usr/bin/env node
// Short names for what a wasm-bindgen bundle's .wasm imports from and exports to its JS glue.
//
//   node scripts/wasm-names.mjs DIR/NAME_bg.wasm DIR/NAME.js
//
// wasm-bindgen names each import after its function and a 16-digit hash
// (`__wbg_setAttribute_f75317b2b5cabfb4`) and each closure shim after its full Rust type (up to
// 200 characters); both files carry every name, and hashes do not compress: about 2.6 kB of gzip
// in the single-ray page's .wasm alone, with its 150 kB budget. Binaryen renames them
// (`wasm-opt --minify-imports-and-exports-and-modules`, as Emscripten does) and prints the
// mapping, which is applied here to the glue: each import is a key of the glue's imports
// object, each export is read as `wasm.NAME`. The glue is then checked: no old name may remain,
// and every import of the .wasm must be a key of the object the glue passes for its module.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/wasm-names.mjs DIR/NAME_bg.wasm DIR/NAME.js');
  process.exit(2);
}

const oldImports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
const oldModules = [...new Set(oldImports.map((i) => i.module))];
if (oldModules.length !== 1) throw new Error(`wasm-names: expected one import module, found ${oldModules.join(', ')}`);

const out = execFileSync('wasm-opt', ['--minify-imports-and-exports-and-modules', wasmPath, '-o', wasmPath], {
  encoding: 'utf8',
  maxBuffer: 16 << 20,
});
const map = JSON.parse(out.slice(out.indexOf('{')));
const newImports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
const newModules = [...new Set(newImports.map((i) => i.module))];
if (newModules.length !== 1) throw new Error(`wasm-names: expected one import module after renaming, found ${newModules.join(', ')}`);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let glue = readFileSync(gluePath, 'utf8');
const replaceAll = (pattern, by, what) => {
  const before = glue;
  glue = glue.replace(pattern, by);
  if (glue === before) throw new Error(`wasm-names: ${what} not found in ${gluePath}`);
};
// The module: the key of the glue's imports object.
replaceAll(new RegExp(`(["'])${escape(oldModules[0])}\\1`, 'g'), JSON.stringify(newModules[0]), `module "${oldModules[0]}"`);
// Imports: keys of that object (`NAME: function(...)`), whole identifiers.
for (const [, oldName, newName] of map.imports) {
  replaceAll(new RegExp(`(?<![\\w$])${escape(oldName)}(?![\\w$])`, 'g'), newName, `import ${oldName}`);
}
// Exports: read as `wasm.NAME`.
for (const [oldName, newName] of map.exports) {
  if (!new RegExp(`\\bwasm\\.${escape(oldName)}(?![\\w$])`).test(glue)) continue; // not used by the glue
  replaceAll(new RegExp(`\\bwasm\\.${escape(oldName)}(?![\\w$])`, 'g'), `wasm.${newName}`, `export ${oldName}`);
}
// Checks: no old name left; each import of the .wasm is provided by the glue.
for (const [oldName] of map.exports) {
  if (new RegExp(`\\bwasm\\.${escape(oldName)}(?![\\w$])`).test(glue)) throw new Error(`wasm-names: wasm.${oldName} left in the glue`);
}
for (const [, oldName] of map.imports) {
  if (glue.includes(oldName)) throw new Error(`wasm-names: ${oldName} left in the glue`);
}
for (const { name } of newImports) {
  if (!new RegExp(`(?<![\\w$.])${escape(name)}\\s*:`).test(glue)) throw new Error(`wasm-names: the glue provides no import ${name}`);
}
writeFileSync(gluePath, glue);
console.log(`wasm-names: ${map.imports.length} imports and ${map.exports.length} exports renamed in ${wasmPath} and ${gluePath}`);
