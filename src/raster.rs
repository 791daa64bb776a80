//! PNG output (native only): a standalone SVG of [`crate::scene`] rasterised with resvg. The
//! same SVG text as the `.svg` export, so the two files show the same drawing.
//!
//! It may import the scene (and so the layers below it); only the CLI uses it.

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};
use std::fmt;
use std::sync::Arc;

/// Sans-serif families tried, in order, for the CSS `sans-serif` fallback and text without a
/// font: Debian's fonts-dejavu-core and fonts-liberation first.
pub const SANS_SERIF_FALLBACKS: [&str; 6] = [
    "DejaVu Sans",
    "Liberation Sans",
    "Noto Sans",
    "Arial",
    "Helvetica",
    "FreeSans",
];

/// Why an SVG could not be made into a PNG.
#[derive(Debug)]
pub enum RasterError {
    /// A width or height of zero, or beyond what fits in memory.
    Size {
        /// The width asked for (px).
        width: u32,
        /// The height asked for (px).
        height: u32,
    },
    /// The SVG text could not be read.
    Svg(String),
    /// The PNG could not be encoded.
    Encode(String),
}

impl fmt::Display for RasterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RasterError::Size { width, height } => {
                write!(f, "cannot make a {width}×{height} pixel image")
            }
            RasterError::Svg(e) => write!(f, "cannot read the SVG: {e}"),
            RasterError::Encode(e) => write!(f, "cannot encode the PNG: {e}"),
        }
    }
}

impl std::error::Error for RasterError {}

/// The system's fonts, with `sans-serif` (and the default family) mapped to an installed
/// sans-serif font. Returns the database and that family.
pub fn system_fonts() -> (fontdb::Database, String) {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let installed = |name: &str| {
        db.faces()
            .any(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
    };
    let family = SANS_SERIF_FALLBACKS
        .into_iter()
        .find(|name| installed(name))
        .map(str::to_string)
        .or_else(|| {
            db.faces()
                .find_map(|f| f.families.first().map(|(n, _)| n.clone()))
        })
        .unwrap_or_else(|| SANS_SERIF_FALLBACKS[0].to_string());
    db.set_sans_serif_family(family.clone());
    (db, family)
}

/// Parses a `#rgb` or `#rrggbb` colour.
pub fn parse_hex_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
    match hex.len() {
        3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
        6 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?]),
        _ => None,
    }
}

/// Rasterises `svg` into a `width` × `height` PNG: the drawing fitted inside and centred, on
/// `background` (opaque RGB) or transparent.
pub fn svg_to_png(
    svg: &str,
    width: u32,
    height: u32,
    background: Option<[u8; 3]>,
    fonts: &(fontdb::Database, String),
) -> Result<Vec<u8>, RasterError> {
    let pixmap = render_svg(svg, width, height, background, fonts)?;
    pixmap
        .encode_png()
        .map_err(|e| RasterError::Encode(e.to_string()))
}

/// As [`svg_to_png`], the pixels before encoding.
pub fn render_svg(
    svg: &str,
    width: u32,
    height: u32,
    background: Option<[u8; 3]>,
    fonts: &(fontdb::Database, String),
) -> Result<Pixmap, RasterError> {
    let (db, family) = fonts;
    let options = Options {
        font_family: family.clone(),
        fontdb: Arc::new(db.clone()),
        ..Options::default()
    };
    let tree = Tree::from_str(svg, &options).map_err(|e| RasterError::Svg(e.to_string()))?;
    let mut pixmap = Pixmap::new(width, height).ok_or(RasterError::Size { width, height })?;
    if let Some([r, g, b]) = background {
        pixmap.fill(Color::from_rgba8(r, g, b, 255));
    }
    // Fit the SVG's own size into the image, centred (its viewBox is already fitted into that
    // size, centred, by the default preserveAspectRatio).
    let size = tree.size();
    let scale = (width as f32 / size.width()).min(height as f32 / size.height());
    let dx = (width as f32 - size.width() * scale) / 2.0;
    let dy = (height as f32 - size.height() * scale) / 2.0;
    resvg::render(
        &tree,
        Transform::from_row(scale, 0.0, 0.0, scale, dx, dy),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex_colour("#ffffff"), Some([255, 255, 255]));
        assert_eq!(parse_hex_colour(" #14181c"), Some([0x14, 0x18, 0x1c]));
        assert_eq!(parse_hex_colour("#fa0"), Some([255, 170, 0]));
        assert_eq!(parse_hex_colour("white"), None);
        assert_eq!(parse_hex_colour("#12345"), None);
    }

    #[test]
    fn the_image_has_the_requested_size_and_background() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 2 1"><rect x="0" y="0" width="1" height="1" fill="#ff0000"/></svg>"##;
        let fonts = (fontdb::Database::new(), "DejaVu Sans".to_string());
        let p = render_svg(svg, 40, 40, Some([0, 0, 255]), &fonts).unwrap();
        assert_eq!((p.width(), p.height()), (40, 40));
        // Fitted: 40×20 centred vertically; the red half on the left.
        let at = |x: u32, y: u32| p.pixel(x, y).unwrap();
        assert_eq!((at(5, 20).red(), at(5, 20).blue()), (255, 0));
        assert_eq!((at(35, 20).red(), at(35, 20).blue()), (0, 255));
        assert_eq!((at(5, 2).red(), at(5, 2).blue()), (0, 255));
        assert!(render_svg(svg, 0, 10, None, &fonts).is_err());
        assert!(render_svg("<svg", 10, 10, None, &fonts).is_err());
    }
}
