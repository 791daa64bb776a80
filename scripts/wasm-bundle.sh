#!/usr/bin/env bash
# One WebAssembly bundle of `make build`: cargo build (the Makefile's pinned nightly and flags,
# from the environment), then wasm-bindgen --target web, short names for the .wasm's imports
# and exports (scripts/wasm-names.mjs), and wasm-opt -Oz into OUT_DIR. The names are shortened
# before wasm-opt runs, not after: it then lays the module out with the short names (the .wasm
# measured 250 bytes smaller gzip).
#
#   scripts/wasm-bundle.sh BINARY OUT_DIR [CARGO FLAGS...]
#
# wasm-bindgen, wasm-opt and the renaming (15 s a bundle) are skipped when OUT_DIR already holds the result
# for the same cargo output and the same steps (OUT_DIR/.source), so a `make run` with nothing
# changed serves in seconds.
set -euo pipefail
bin=$1 out=$2
shift 2
cargo build --release --target wasm32-unknown-unknown --bin "$bin" "$@"
wasm=target/wasm32-unknown-unknown/release/$bin.wasm
bindgen=(wasm-bindgen --target web --no-typescript --out-dir "$out" "$wasm")
opt=(wasm-opt -Oz --converge --strip-producers "$out/${bin}_bg.wasm" -o "$out/${bin}_bg.wasm")
names=(node scripts/wasm-names.mjs "$out/${bin}_bg.wasm" "$out/${bin}.js")
key="$(sha256sum "$wasm" scripts/wasm-names.mjs | cut -d' ' -f1 | tr '\n' ' ')$(wasm-bindgen --version) $(wasm-opt --version) ${bindgen[*]} ${names[*]} ${opt[*]}"
if [[ -f $out/.source && $(<"$out/.source") == "$key" ]]; then
  echo "wasm-bundle: $out is up to date"
  exit 0
fi
rm -rf "$out"
"${bindgen[@]}"
"${names[@]}"
"${opt[@]}"
printf '%s' "$key" >"$out/.source"
echo "wasm-bundle: $out"
