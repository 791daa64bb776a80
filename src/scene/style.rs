//! The drawing's stylesheet flattened for one theme: the custom properties of `.scene` and
//! `.scene.theme-NAME` substituted and the `calc()` products evaluated. Renderers without CSS
//! variables (resvg, some viewers and editors) then draw a standalone file exactly as the
//! page does, and [`super::STYLE`] stays the one source of the style.
//!
//! It may import the scene's stylesheet, the state's themes and [`crate::numtext`]; never `ui`.

use super::STYLE;
use crate::state::format_number;
use crate::state::view::Theme;

/// One rule of a stylesheet: its selectors and its `(property, value)` declarations.
struct Rule<'a> {
    selectors: Vec<&'a str>,
    declarations: Vec<(&'a str, &'a str)>,
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// Parses flat rules (`selectors { name: value; ... }`); no at-rules or nesting.
fn rules(css: &str) -> Vec<Rule<'_>> {
    css.split('}')
        .filter_map(|chunk| {
            let (selectors, body) = chunk.split_once('{')?;
            Some(Rule {
                selectors: selectors
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect(),
                declarations: body
                    .split(';')
                    .filter_map(|d| {
                        let (name, value) = d.split_once(':')?;
                        Some((name.trim(), value.trim()))
                    })
                    .filter(|(name, value)| !name.is_empty() && !value.is_empty())
                    .collect(),
            })
        })
        .collect()
}

/// The classes whose blocks define custom properties: the drawing's, and the forefoot plan's
/// (its own names: `--ok`, `--risk`…, none shared with the drawing's).
const PROPERTY_ROOTS: [&str; 2] = [".scene", ".plan-scene"];

/// The custom properties in force for `theme`: the base blocks, then the theme's blocks.
fn properties<'a>(rules: &[Rule<'a>], theme: &str) -> Vec<(&'a str, &'a str)> {
    let themed = PROPERTY_ROOTS.map(|root| format!("{root}.theme-{theme}"));
    let mut props: Vec<(&str, &str)> = Vec::new();
    for wanted in PROPERTY_ROOTS
        .iter()
        .copied()
        .chain(themed.iter().map(String::as_str))
    {
        for rule in rules.iter().filter(|r| r.selectors == [wanted]) {
            for &(name, value) in rule
                .declarations
                .iter()
                .filter(|(n, _)| n.starts_with("--"))
            {
                props.retain(|(n, _)| *n != name);
                props.push((name, value));
            }
        }
    }
    props
}

/// Replaces each `var(--name)` (or `var(--name, fallback)`) with the property's value.
fn substitute(value: &str, props: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find("var(") {
        out.push_str(&rest[..start]);
        let inner_start = start + 4;
        let Some(len) = rest[inner_start..].find(')') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &rest[inner_start..inner_start + len];
        let (name, fallback) = match inner.split_once(',') {
            Some((n, f)) => (n.trim(), Some(f.trim())),
            None => (inner.trim(), None),
        };
        match props.iter().rev().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(v),
            None => match fallback {
                Some(f) => out.push_str(f),
                None => out.push_str(&rest[start..inner_start + len + 1]),
            },
        }
        rest = &rest[inner_start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// A number with an optional unit: `0.45px` → (0.45, "px").
fn dimension(token: &str) -> Option<(f64, &str)> {
    let t = token.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(t.len());
    let number = crate::numtext::parse_f64(&t[..split])?;
    let unit = &t[split..];
    (unit.is_empty() || unit.chars().all(|c| c.is_ascii_alphabetic() || c == '%'))
        .then_some((number, unit))
}

/// Evaluates `calc(a * b * ...)` products of numbers of which at most one has a unit.
fn evaluate_calc(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find("calc(") {
        out.push_str(&rest[..start]);
        let inner_start = start + 5;
        let Some(len) = rest[inner_start..].find(')') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &rest[inner_start..inner_start + len];
        let product = inner
            .split('*')
            .map(dimension)
            .try_fold((1.0, ""), |(acc, unit), factor| {
                let (v, u) = factor?;
                match (unit, u) {
                    (_, "") => Some((acc * v, unit)),
                    ("", _) => Some((acc * v, u)),
                    _ => None,
                }
            });
        match product {
            Some((v, unit)) => {
                out.push_str(&format_number(v, 4));
                out.push_str(unit);
            }
            None => out.push_str(&rest[start..inner_start + len + 1]),
        }
        rest = &rest[inner_start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether a selector applies to a static drawing in `theme`: not another theme's, and no
/// pseudo-class (`:focus` and the like need a page).
fn applies(selector: &str, theme: &str) -> bool {
    if selector.contains(':') {
        return false;
    }
    let themed = PROPERTY_ROOTS
        .iter()
        .find_map(|root| selector.strip_prefix(root)?.strip_prefix(".theme-"));
    match themed {
        Some(rest) => {
            let name = rest
                .split(|c: char| c.is_whitespace() || c == '.' || c == '[')
                .next()
                .unwrap_or("");
            name == theme
        }
        None => true,
    }
}

/// [`super::STYLE`] for `theme` without custom properties or `calc()`: the same drawing in any
/// SVG renderer. An unknown theme gets the base (light) values.
pub fn resolve_style(theme: Theme) -> String {
    resolve_css(STYLE, theme.name())
}

/// [`resolve_style`] of [`super::STYLE`] followed by `more` (a stylesheet using the drawing's
/// palette: the forefoot plan's).
pub fn resolve_style_with(more: &str, theme: Theme) -> String {
    resolve_css(&format!("{STYLE}\n{more}"), theme.name())
}

/// A stylesheet (the drawing's, as the page loaded it: [`super::SceneOptions::stylesheet`])
/// flattened for `theme`, as [`resolve_style`] flattens [`super::STYLE`].
pub fn resolve_sheet(css: &str, theme: Theme) -> String {
    resolve_css(css, theme.name())
}

fn resolve_css(css: &str, theme: &str) -> String {
    let css = strip_comments(css);
    let rules = rules(&css);
    let props = properties(&rules, theme);
    let mut out = String::new();
    for rule in &rules {
        let selectors: Vec<&str> = rule
            .selectors
            .iter()
            .copied()
            .filter(|s| applies(s, theme))
            .collect();
        let declarations: Vec<String> = rule
            .declarations
            .iter()
            .filter(|(name, _)| !name.starts_with("--"))
            .map(|(name, value)| format!("{name}: {}", evaluate_calc(&substitute(value, &props))))
            .collect();
        if selectors.is_empty() || declarations.is_empty() {
            continue;
        }
        out.push_str(&selectors.join(", "));
        out.push_str(" { ");
        out.push_str(&declarations.join("; "));
        out.push_str("; }\n");
    }
    out
}

/// The value of a custom property (`--bg`, ...) in `theme`, with `var()` references resolved.
pub fn property(theme: Theme, name: &str) -> Option<String> {
    let css = strip_comments(STYLE);
    let rules = rules(&css);
    let props = properties(&rules, theme.name());
    props
        .iter()
        .rev()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| evaluate_calc(&substitute(v, &props)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_is_flat() {
        for theme in Theme::ALL {
            let css = resolve_style(theme);
            assert!(!css.contains("var("), "{theme:?}: {css}");
            assert!(!css.contains("calc("), "{theme:?}: {css}");
            assert!(!css.contains("--"), "{theme:?}: {css}");
            assert!(!css.contains(":focus"), "{theme:?}: {css}");
            assert_eq!(css.matches('{').count(), css.matches('}').count());
        }
    }

    #[test]
    fn themes_override_the_base() {
        let light = resolve_style(Theme::Light);
        let dark = resolve_style(Theme::Dark);
        let projector = resolve_style(Theme::Projector);
        assert!(
            light.contains(".scene .background { fill: #ffffff; }"),
            "{light}"
        );
        assert!(
            dark.contains(".scene .background { fill: #14181c; }"),
            "{dark}"
        );
        // Strokes scale with --stroke: 0.45px × 1 and × 1.6.
        assert!(light.contains("stroke: #0072b2; stroke-width: 0.45px; stroke-dasharray: 2.2, 1.2"));
        assert!(projector.contains("stroke-width: 0.72px"), "{projector}");
        // Theme rules stay for their theme only.
        assert!(projector.contains(".scene.theme-projector .label { font-weight: 600"));
        assert!(!light.contains("theme-projector"));
        assert_eq!(property(Theme::Dark, "--ink").as_deref(), Some("#eef2f5"));
        assert_eq!(
            property(Theme::Projector, "--bg").as_deref(),
            Some("#ffffff")
        );
        assert_eq!(property(Theme::Light, "--nope"), None);
    }

    #[test]
    fn calc_and_var_helpers() {
        let props = [("--a", "2"), ("--c", "#fff")];
        assert_eq!(substitute("var(--c)", &props), "#fff");
        assert_eq!(substitute("var(--x, red) 1", &props), "red 1");
        assert_eq!(substitute("var(--x)", &props), "var(--x)");
        assert_eq!(evaluate_calc("calc(0.3px * 2)"), "0.6px");
        assert_eq!(evaluate_calc("calc(2 * 1.5)"), "3");
        assert_eq!(evaluate_calc("calc(1px * 2em)"), "calc(1px * 2em)");
        assert_eq!(evaluate_calc("calc(1px + 2px)"), "calc(1px + 2px)");
    }
}
