//! The links the page makes of a state and its view: the query a link carries, and the
//! `<iframe>` snippet that embeds the view in a slide.
//!
//! It may import the state's query codec and view options; nothing imports it but the
//! interface.

use super::query::to_query;
use super::view::View;
use super::State;

/// The query of a link to `state` seen with `view`: the canonical state, then the view's
/// non-default options.
pub fn link_query(state: &State, view: &View) -> String {
    let mut q = to_query(state);
    for (k, v) in view.to_pairs() {
        q.push('&');
        q.push_str(&k);
        q.push('=');
        // A value holding a query (`compare=`, whole app only) keeps its separators encoded;
        // the others (names, numbers, lists) have none.
        #[cfg(not(feature = "compare"))]
        q.push_str(&v);
        #[cfg(feature = "compare")]
        for ch in v.chars() {
            match ch {
                '%' => q.push_str("%25"),
                '&' => q.push_str("%26"),
                '=' => q.push_str("%3D"),
                ';' => q.push_str("%3B"),
                '#' => q.push_str("%23"),
                '+' => q.push_str("%2B"),
                ' ' => q.push_str("%20"),
                _ => q.push(ch),
            }
        }
    }
    q
}

/// The `<iframe>` that shows `src` in a slide, `width` × `height` CSS pixels, borderless and
/// allowed to go fullscreen; `title` names it for screen readers.
pub fn iframe_snippet(src: &str, width: u32, height: u32, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" style=\"border:0\" \
         title=\"{}\" allow=\"fullscreen\"></iframe>",
        escape_attribute(src),
        escape_attribute(title)
    )
}

/// Text for a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::query::parse_query;

    #[test]
    fn an_embed_link_carries_the_state_and_the_view() {
        let state = parse_query("preset=vertical&ray=3&slide=2").state;
        let view = View {
            embed: true,
            controls: vec!["cut".into(), "at".into()],
            play: true,
            ..View::default()
        };
        assert_eq!(
            link_query(&state, &view),
            "preset=vertical&ray=3&slide=2&embed=1&controls=cut,at&play=1"
        );
        assert_eq!(
            iframe_snippet("https://x.org/?a=1&b=\"2\"", 1280, 720, "osteoviz"),
            "<iframe src=\"https://x.org/?a=1&amp;b=&quot;2&quot;\" width=\"1280\" \
             height=\"720\" style=\"border:0\" title=\"osteoviz\" allow=\"fullscreen\"></iframe>"
        );
    }
}

#[cfg(all(test, feature = "compare"))]
mod compare_tests {
    use super::*;
    use crate::model::Ray;
    use crate::state::Preset;

    /// A compared state query travels inside its pair, encoded, and reads back the same.
    #[test]
    fn a_compare_query_is_encoded_in_the_link_and_reads_back() {
        let (view, _) = View::from_pairs(&crate::state::query::pairs(
            "compare=preset%3Dperpendicular%26slide%3D2",
        ));
        let link = link_query(&Preset::Dmmo.state(Ray::M2), &view);
        assert!(
            link.ends_with("&compare=preset%3Dperpendicular%26slide%3D2"),
            "{link}"
        );
        let pairs = crate::state::query::pairs(&link);
        let (again, notices) = View::from_pairs(&pairs[pairs.len() - 1..]);
        assert_eq!((again, notices.len()), (view, 0));
    }
}
