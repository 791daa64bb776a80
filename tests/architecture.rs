//! The shape of the code (README "Architecture"): imports point one way across layers
//! (ui and the CLI → scene → state → model) and form a chain inside `state`, with the
//! catalogue (`i18n`) and the query's text layer (`codec`) as leaves a newcomer can read alone.
//! Read from the sources: a `use` that breaks the shape fails here with its file and line.
//! Every file under `src/` opens with a `//!` doc that says what its module owns and what it may
//! import; a file without one fails here by name.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The non-test code of every `.rs` file under `dir` (a file's `#[cfg(test)]` module and
/// everything after it left out), by module: a file by its stem, the files of a directory
/// module (`state/plan/*.rs`) together under the directory's name.
fn sources(dir: &str) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut add = |module: String, path: &Path| {
        let text = fs::read_to_string(path).unwrap();
        let code = text.split("\n#[cfg(test)]").next().unwrap();
        let entry = out.entry(module).or_default();
        entry.push_str(code);
        entry.push('\n');
    };
    for entry in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for inner in fs::read_dir(&path).unwrap() {
                let inner = inner.unwrap().path();
                if inner.extension().is_some_and(|e| e == "rs") {
                    add(stem.clone(), &inner);
                }
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            add(stem, &path);
        }
    }
    out
}

/// Lines of `code` (not comments) that mention `needle`, as "line: text".
fn mentions(code: &str, needle: &str) -> Vec<String> {
    code.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//") && l.contains(needle))
        .map(|(i, l)| format!("{}: {}", i + 1, l.trim()))
        .collect()
}

#[test]
fn layers_import_one_way() {
    // (layer, the layers above it, which it must not name)
    let rules: [(&str, &[&str]); 3] = [
        ("src/model", &["crate::state", "crate::scene", "crate::ui"]),
        ("src/state", &["crate::scene", "crate::ui"]),
        ("src/scene", &["crate::ui"]),
    ];
    let mut breaks = Vec::new();
    for (dir, above) in rules {
        for (file, code) in sources(dir) {
            for needle in above {
                for hit in mentions(&code, needle) {
                    breaks.push(format!("{dir}/{file}.rs:{hit}"));
                }
            }
        }
    }
    assert!(
        breaks.is_empty(),
        "imports against the layers:\n{}",
        breaks.join("\n")
    );
}

/// The modules of `state` each file names (`super::x`, `crate::state::x`), `mod.rs` left out:
/// it is the layer's root (it defines `State` and `Key` and re-exports the modules).
fn state_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources("src/state");
    let modules: Vec<String> = files.keys().filter(|k| *k != "mod").cloned().collect();
    let mut graph = BTreeMap::new();
    for module in &modules {
        let code = &files[module];
        let uses: BTreeSet<String> = modules
            .iter()
            .filter(|other| *other != module)
            .filter(|other| {
                [format!("super::{other}"), format!("crate::state::{other}")]
                    .iter()
                    .any(|needle| {
                        mentions(code, needle).iter().any(|hit| {
                            // `super::plan` must not match `super::planning`.
                            hit.match_indices(needle.as_str()).any(|(at, _)| {
                                !hit[at + needle.len()..]
                                    .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                            })
                        })
                    })
            })
            .cloned()
            .collect();
        graph.insert(module.clone(), uses);
    }
    graph
}

#[test]
fn the_state_modules_form_a_chain_without_circles() {
    let graph = state_graph();
    assert!(graph.len() >= 9, "{graph:?}");
    // Depth-first search for a cycle, reporting the first found.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in &graph[node] {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("an import circle in src/state: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_catalogue_and_the_codec_are_leaves() {
    let graph = state_graph();
    assert_eq!(
        graph["i18n"],
        BTreeSet::new(),
        "i18n imports {:?}",
        graph["i18n"]
    );
    assert_eq!(
        graph["codec"],
        BTreeSet::from(["i18n".to_string()]),
        "codec imports {:?}",
        graph["codec"]
    );
    // Neither reaches the layer's root (State, Key) either.
    let files = sources("src/state");
    for leaf in ["i18n", "codec"] {
        let hits: Vec<String> = mentions(&files[leaf], "use super::{")
            .into_iter()
            .chain(mentions(&files[leaf], "crate::state::State"))
            .collect();
        assert!(
            hits.is_empty(),
            "{leaf}.rs reaches the state root: {hits:?}"
        );
    }
}

/// Every `.rs` file under `dir`, subdirectories included.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_opens_with_what_it_owns_and_may_import() {
    // `missing_docs` holds the public items; this holds every file, private modules too.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut bad: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = fs::read_to_string(path).unwrap();
            let doc: Vec<&str> = text.lines().take_while(|l| l.starts_with("//!")).collect();
            doc.is_empty() || !doc.iter().any(|l| l.to_lowercase().contains("import"))
        })
        .map(|path| path.strip_prefix(root).unwrap().display().to_string())
        .collect();
    bad.sort();
    assert!(
        files.len() >= 50 && bad.is_empty(),
        "modules without an opening `//!` doc that says what they may import:\n{}",
        bad.join("\n")
    );
}
