//! Generates the typed message ids of the interface text from the catalogue's data files
//! (src/state/i18n/*.toml): `enum Msg` with one variant per id ("control.cut.shaft" →
//! `Msg::ControlCutShaft`), the groups of numbered ids (`Msg::ABOUT_CONVENTIONS`…), and each
//! part's texts as one string per language (no pointer per message in the WebAssembly; the
//! languages a build leaves out, by its `lang-*` features, cost nothing). A mistyped id is a
//! compile error; a malformed data file fails the build with the entry at fault.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The catalogue's parts, in order: the file, the `Part` variant, the table's name.
const PARTS: [(&str, &str, &str); 4] = [
    ("messages.toml", "Main", "MAIN_TEXTS"),
    ("about.toml", "About", "ABOUT_TEXTS"),
    ("plan.toml", "Plan", "PLAN_TEXTS"),
    ("lesson.toml", "Lesson", "LESSON_TEXTS"),
];
const LANGS: [&str; 3] = ["en", "fr", "es"];
/// Ends each text in a part's string (no message contains it).
const SEPARATOR: char = '\u{1f}';

struct Entry {
    id: String,
    texts: [String; 3],
}

fn camel(id: &str) -> String {
    id.split(['.', '_'])
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn read_part(dir: &Path, file: &str) -> Vec<Entry> {
    let path = dir.join(file);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
    table
        .into_iter()
        .map(|(id, value)| {
            let valid = !id.is_empty()
                && id.split('.').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                });
            assert!(valid, "{file}: \"{id}\" is not a dotted lower-case id");
            let fields = value
                .as_table()
                .unwrap_or_else(|| panic!("{file}: [\"{id}\"] must hold en, fr and es"));
            for key in fields.keys() {
                assert!(
                    LANGS.contains(&key.as_str()),
                    "{file}: [\"{id}\"] has an unknown field \"{key}\""
                );
            }
            let texts = LANGS.map(|lang| {
                let text = fields
                    .get(lang)
                    .and_then(|v| v.as_str())
                    .unwrap_or_else(|| panic!("{file}: [\"{id}\"] has no {lang} text"));
                assert!(
                    !text.contains(SEPARATOR),
                    "{file}: [\"{id}\"] {lang} contains U+001F"
                );
                text.to_string()
            });
            Entry { id, texts }
        })
        .collect()
}

fn main() {
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("src/state/i18n");
    let parts: Vec<Vec<Entry>> = PARTS
        .iter()
        .map(|(file, _, _)| read_part(&dir, file))
        .collect();
    let all: Vec<&Entry> = parts.iter().flatten().collect();
    let mut names = BTreeMap::new();
    for e in &all {
        if let Some(other) = names.insert(camel(&e.id), &e.id) {
            panic!("the ids \"{other}\" and \"{}\" make the same name", e.id);
        }
    }

    let mut out = String::new();
    out.push_str(
        "/// A message of the catalogue (src/state/i18n/*.toml), named after its id; the doc \
         comment is its English text.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum Msg {\n",
    );
    for e in &all {
        let doc = e.texts[0].replace('\n', " ");
        writeln!(out, "    /// `{}`: {}", e.id, doc.trim()).unwrap();
        writeln!(out, "    {},", camel(&e.id)).unwrap();
    }
    out.push_str("}\n\nimpl Msg {\n");
    writeln!(out, "    /// Every message, in catalogue order.").unwrap();
    writeln!(out, "    pub const ALL: [Msg; {}] = [", all.len()).unwrap();
    for e in &all {
        writeln!(out, "        Msg::{},", camel(&e.id)).unwrap();
    }
    out.push_str("    ];\n\n");
    // Part and index within it.
    out.push_str("    /// The part of the catalogue (the data file) that holds the message.\n");
    out.push_str("    pub const fn part(self) -> Part {\n        let i = self as usize;\n");
    let mut start = 0;
    let mut starts = Vec::new();
    for (k, ((_, variant, _), entries)) in PARTS.iter().zip(&parts).enumerate() {
        starts.push(start);
        let end = start + entries.len();
        if k + 1 < PARTS.len() {
            writeln!(
                out,
                "        if i < {end} {{\n            return Part::{variant};\n        }}"
            )
            .unwrap();
        } else {
            writeln!(out, "        Part::{variant}").unwrap();
        }
        start = end;
    }
    out.push_str("    }\n\n    /// The message's place in its part.\n");
    out.push_str(
        "    pub const fn index(self) -> usize {\n        self as usize - match self.part() {\n",
    );
    for ((_, variant, _), s) in PARTS.iter().zip(&starts) {
        writeln!(out, "            Part::{variant} => {s},").unwrap();
    }
    out.push_str("        }\n    }\n\n");
    // Ids (native code and tests: the page never names a message by its id).
    out.push_str("    /// The message's id in the data file (`\"control.cut.shaft\"`).\n");
    out.push_str("    pub const fn id(self) -> &'static str {\n        match self {\n");
    for e in &all {
        writeln!(out, "            Msg::{} => {:?},", camel(&e.id), e.id).unwrap();
    }
    out.push_str("        }\n    }\n\n");
    // Groups of numbered ids: prefix.N and prefix.N.leaf.
    let mut groups: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    for e in &all {
        let parts: Vec<&str> = e.id.split('.').collect();
        let numbered = |at: usize| parts.get(at).and_then(|p| p.parse::<u32>().ok());
        let n = parts.len();
        if let Some(number) = numbered(n - 1) {
            groups
                .entry(parts[..n - 1].join("_").to_uppercase())
                .or_default()
                .push((number, camel(&e.id)));
        } else if n >= 3 {
            if let Some(number) = numbered(n - 2) {
                let name = format!("{}_{}", parts[..n - 2].join("_"), parts[n - 1]);
                groups
                    .entry(name.to_uppercase())
                    .or_default()
                    .push((number, camel(&e.id)));
            }
        }
    }
    for (name, mut members) in groups {
        members.sort();
        for (i, (number, variant)) in members.iter().enumerate() {
            assert_eq!(
                *number as usize,
                i + 1,
                "{name}: the numbered ids must run 1, 2, 3… ({variant})"
            );
        }
        writeln!(
            out,
            "    /// The numbered messages of the group, in order.\n    pub const {name}: &'static [Msg] = &[{}];",
            members
                .iter()
                .map(|(_, v)| format!("Msg::{v}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
    }
    out.push_str("}\n\n");
    // Texts.
    for ((file, _, table), entries) in PARTS.iter().zip(&parts) {
        writeln!(out, "/// The texts of {file}, one string per language.").unwrap();
        writeln!(out, "pub const {table}: Table = Table {{\n    texts: [").unwrap();
        for (l, lang) in LANGS.iter().enumerate() {
            let mut column = String::new();
            for e in entries {
                column.push_str(&e.texts[l]);
                column.push(SEPARATOR);
            }
            writeln!(
                out,
                "        if cfg!(feature = \"lang-{lang}\") {{ {column:?} }} else {{ \"\" }},"
            )
            .unwrap();
        }
        out.push_str("    ],\n};\n\n");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets it");
    let target = Path::new(&out_dir).join("messages.rs");
    std::fs::write(&target, out).expect("OUT_DIR is writable");
    compact_stylesheet(&out_dir);
    println!("cargo::rerun-if-changed=build.rs");
}

/// The drawing's stylesheet as the WebAssembly carries it (for standalone files): without its
/// comments and with runs of white space as one space. The same rules: `scene::style` reads
/// rules and declarations with their white space trimmed.
fn compact_stylesheet(out_dir: &str) {
    let source = Path::new("src/scene/scene.css");
    println!("cargo::rerun-if-changed={}", source.display());
    let css = std::fs::read_to_string(source).expect("src/scene/scene.css is readable");
    let mut text = String::with_capacity(css.len());
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    text.push_str(rest);
    let compact = text.split_whitespace().collect::<Vec<_>>().join(" ");
    std::fs::write(Path::new(out_dir).join("scene.compact.css"), compact)
        .expect("OUT_DIR is writable");
}
