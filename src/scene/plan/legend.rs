//! The top view's legend: entries that flow left to right and wrap into rows, laid out before
//! the view's size is known (the rows it needs make the drawing taller), drawn last.
//!
//! It may import the state's catalogue and the scene's toolkit; never `ui`.

use crate::model::Point;
use crate::scene::draw::{label, label_width_mm, segment};
use crate::scene::node::Node;
use crate::scene::SceneOptions;
use crate::state::i18n::{tr, Msg};
use crate::state::view::{Lang, Theme};

/// What a legend entry shows left of its text.
#[derive(Clone, Copy)]
pub(super) enum LegendSwatch {
    /// A short stretch of a line of this class.
    Line(&'static str),
    /// A patch of the SM4 normal band.
    Band,
}

/// A legend whose entries flow left to right and wrap into rows so that no text runs into the
/// next entry or out of the drawing, at the theme's text size and in any language.
pub(super) struct Legend {
    /// Each entry with its row (0 first) and left edge (mm).
    entries: Vec<(LegendSwatch, Msg, usize, f64)>,
    row_height_mm: f64,
}

impl Legend {
    const SWATCH_MM: f64 = 6.0;
    const TEXT_GAP_MM: f64 = 1.0;
    const ENTRY_GAP_MM: f64 = 3.0;

    /// The caption's size (mm) and weight in the theme (plan.css `.caption`, and scene.css's
    /// larger bold labels on a projector).
    fn caption_size(options: &SceneOptions) -> (f64, bool) {
        if options.theme == Theme::Projector {
            (3.6, true)
        } else {
            (2.5, false)
        }
    }

    /// The entries placed in rows between `start_x` and `end_x`.
    pub(super) fn layout(
        entries: [(LegendSwatch, Msg); 3],
        start_x: f64,
        end_x: f64,
        options: &SceneOptions,
    ) -> Legend {
        let (size, bold) = Self::caption_size(options);
        let mut placed = Vec::with_capacity(entries.len());
        let (mut row, mut x) = (0, start_x);
        for (swatch, msg) in entries {
            let width = Self::SWATCH_MM
                + Self::TEXT_GAP_MM
                + label_width_mm(tr(options.lang, msg), size, bold);
            if x > start_x && x + width > end_x {
                row += 1;
                x = start_x;
            }
            placed.push((swatch, msg, row, x));
            x += width + Self::ENTRY_GAP_MM;
        }
        Legend {
            entries: placed,
            row_height_mm: size * 1.35,
        }
    }

    /// The height the rows after the first add under the drawing.
    pub(super) fn extra_height_mm(&self) -> f64 {
        let rows = self.entries.iter().map(|e| e.2).max().unwrap_or(0);
        rows as f64 * self.row_height_mm
    }

    /// The legend, its first row's baseline at `y`.
    pub(super) fn node(&self, y: f64, lang: Lang) -> Node {
        let mut g = Node::new("g").class("legend");
        for &(swatch, msg, row, x) in &self.entries {
            let y = y - row as f64 * self.row_height_mm;
            g = g
                .child(match swatch {
                    LegendSwatch::Line(class) => {
                        segment(Point::new(x, y), Point::new(x + Self::SWATCH_MM, y), class)
                    }
                    LegendSwatch::Band => Node::new("rect")
                        .class("sm4-band")
                        .num("x", x)
                        .num("y", -y - 1.2)
                        .num("width", Self::SWATCH_MM)
                        .num("height", 2.4),
                })
                .child(label(
                    Point::new(x + Self::SWATCH_MM + Self::TEXT_GAP_MM, y),
                    tr(lang, msg),
                    "label label-start caption",
                ));
        }
        g
    }
}
