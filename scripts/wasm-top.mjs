#!/usr/bin/env node
// The largest contributors to a .wasm file, from its own sections (no dependencies):
// the size of each section, and of each function body named by the "name" custom section
// (like `twiggy top`, shallow sizes). wasm-opt strips the names, so point it at the wasm
// rustc wrote (target/wasm32-unknown-unknown/release/osteoviz-web.wasm, names kept):
// its function sizes are before wasm-bindgen and wasm-opt, so they rank the contributors
// rather than giving the shipped bytes.
//
//   node scripts/wasm-top.mjs FILE.wasm [--top N] [--json]
//
// Functions are also summed by crate (the first path segment of the demangled name), which
// says which dependency costs what.

import { readFileSync } from 'node:fs';

export function readWasm(bytes) {
  let pos = 8;
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm file');
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return result;
    }
  };
  const name = () => {
    const len = leb();
    const s = bytes.toString('utf8', pos, pos + len);
    pos += len;
    return s;
  };
  const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
    'start', 'element', 'code', 'data', 'datacount', 'tag'];
  const sections = [];
  let importedFunctions = 0;
  const bodies = []; // sizes of the defined functions' bodies, in order
  const names = new Map(); // function index → name
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const start = pos;
    const end = start + size;
    let label = SECTION[id] ?? `unknown-${id}`;
    if (id === 0) {
      const custom = name();
      label = `custom "${custom}"`;
      if (custom === 'name') {
        while (pos < end) {
          const sub = bytes[pos++];
          const subSize = leb();
          const subEnd = pos + subSize;
          if (sub === 1) {
            const count = leb();
            for (let i = 0; i < count; i++) {
              const index = leb();
              names.set(index, name());
            }
          }
          pos = subEnd;
        }
      }
    } else if (id === 2) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        name();
        name();
        const kind = bytes[pos++];
        if (kind === 0) {
          leb();
          importedFunctions++;
        } else if (kind === 1) {
          pos++;
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 3) {
          pos++;
          pos++;
        } else if (kind === 4) {
          pos++;
          leb();
        }
      }
    } else if (id === 10) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const bodyStart = pos;
        const len = leb();
        pos += len;
        bodies.push(pos - bodyStart);
      }
    }
    sections.push({ name: label, bytes: end - start + 1 + lebLength(size) });
    pos = end;
  }
  const functions = bodies.map((bytes, i) => {
    const index = importedFunctions + i;
    return { name: demangle(names.get(index) ?? `func[${index}]`), bytes };
  });
  return { total: bytes.length, sections, functions };
}

function lebLength(n) {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

/** Legacy Rust mangling (`_ZN3std2io5stdio6_print17h…E`) → `std::io::stdio::_print`. */
export function demangle(symbol) {
  if (symbol.startsWith('_R')) return demangleV0(symbol);
  const m = /^_?_ZN(.*)E$/.exec(symbol);
  if (!m) return symbol;
  const parts = [];
  let rest = m[1];
  while (rest.length > 0) {
    const len = /^(\d+)/.exec(rest);
    if (!len) break;
    const n = Number(len[1]);
    const part = rest.slice(len[1].length, len[1].length + n);
    rest = rest.slice(len[1].length + n);
    if (/^h[0-9a-f]{16}$/.test(part)) continue;
    parts.push(part);
  }
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<')
    .replace(/\$GT\$/g, '>')
    .replace(/\$u20\$/g, ' ')
    .replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}')
    .replace(/\$RF\$/g, '&')
    .replace(/\$BP\$/g, '*')
    .replace(/\$C\$/g, ',')
    .replace(/\$LP\$/g, '(')
    .replace(/\$RP\$/g, ')')
    .replace(/\.\./g, '::')
    .replace(/^_</, '<');
}

/** Rust v0 mangling (the precompiled standard library uses it), roughly: the crate and the
 * identifiers in order (`_RNvNtCs…_4core3fmt9Formatter3pad` → `core::fmt::Formatter::pad`). */
function demangleV0(symbol) {
  const parts = [];
  const re = /(?:Cs[0-9A-Za-z]*_)?(\d+)(_?)([A-Za-z_][A-Za-z0-9_]*)/g;
  let rest = symbol.slice(2);
  for (;;) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m) break;
    const n = Number(m[1]);
    const start = m.index + m[0].length - m[3].length;
    parts.push(rest.slice(start, start + n - m[2].length));
    rest = rest.slice(start + n - m[2].length);
  }
  return parts.length ? parts.join('::') : symbol;
}

/** The crate a (demangled) function belongs to: `<yew::x as core::Y>::z` → yew. */
export function crateOf(name) {
  // v0 names carry a disambiguator: `yew[de284d0fe1021b5d]::…`.
  const m = /^<?(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  if (!m) return /^func\[/.test(name) ? '(unnamed)' : '(other)';
  return m[1];
}

export function top(file, n = 20) {
  const w = readWasm(readFileSync(file));
  const functions = [...w.functions].sort((a, b) => b.bytes - a.bytes);
  const byCrate = new Map();
  for (const f of w.functions) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.bytes);
  const crates = [...byCrate].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
  return {
    file,
    total: w.total,
    sections: w.sections.sort((a, b) => b.bytes - a.bytes),
    functions: functions.slice(0, n),
    crates: crates.slice(0, n),
    code: w.functions.reduce((s, f) => s + f.bytes, 0),
    // The standard library's float formatting and parsing (core::fmt::float, flt2dec's Grisu
    // and Dragon, dec2flt): the .wasm must carry none (README "What keeps the .wasm small").
    float_text: w.functions.filter((f) => FLOAT_TEXT.test(f.name)).map((f) => f.name),
  };
}

/// Function names of the standard library's float formatting and parsing.
export const FLOAT_TEXT = /core::fmt::float|flt2dec|dec2flt|float_to_decimal|float_to_exponential/;

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/wasm-top.mjs FILE.wasm [--top N] [--json]');
    process.exit(2);
  }
  const i = process.argv.indexOf('--top');
  const n = i > 0 ? Number(process.argv[i + 1]) : 20;
  const t = top(file, n);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(t, null, 2));
  } else {
    const pct = (b, of) => `${((100 * b) / of).toFixed(1).padStart(5)}%`;
    console.log(`${file}: ${t.total} bytes, code ${t.code} bytes`);
    console.log('sections:');
    for (const s of t.sections) console.log(`  ${String(s.bytes).padStart(9)} ${pct(s.bytes, t.total)}  ${s.name}`);
    console.log('code by crate:');
    for (const c of t.crates) console.log(`  ${String(c.bytes).padStart(9)} ${pct(c.bytes, t.code)}  ${c.name}`);
    console.log(`largest functions (of ${t.code} bytes of code):`);
    for (const f of t.functions) console.log(`  ${String(f.bytes).padStart(9)} ${pct(f.bytes, t.code)}  ${f.name.slice(0, 140)}`);
  }
}
